package org.mms.migration;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.AudioProvider;
import org.mms.directory.Bridge;
import org.mms.directory.Hosting;
import org.mms.directory.ServiceNumber;
import org.mms.directory.Tenant;
import org.mms.directory.User;

/**
 * An organizer's coordinates as their directory entry states them, for each kind of meeting a
 * migration touches: the join link rule (keep a Teams link; a Skype link names the organizer and the
 * conference key on their current server; a meeting converted to Teams gets the tenant's Teams link),
 * the dial-in numbers of their bridge (or their third-party provider), their conference ID, the
 * tenant's help links and custom footer, their language.
 */
public final class OrganizerTargets {

    private OrganizerTargets() {
    }

    public static Targets of(Tenant tenant, User user, Optional<Bridge> bridge, MigrationType type) {
        return source -> {
            if (!type.sources().contains(source)) {
                return Optional.empty();
            }
            MeetingType target = type.target().orElse(source);
            return Optional.of(template(tenant, user, bridge, source, target));
        };
    }

    /**
     * The coordinates of a meeting being created now in the organizer's own meeting type: a Teams
     * link from the tenant's template, or a Skype link with the new conference {@code key}.
     */
    public static CoordinatesTemplate forNewMeeting(Tenant tenant, User user, Optional<Bridge> bridge, String key) {
        CoordinatesTemplate t = template(tenant, user, bridge, user.meetingType(), user.meetingType());
        String joinUrl = user.meetingType() == MeetingType.TEAMS ? tenant.settings().teamsJoinUrlTemplate()
                : t.joinUrl().replace("{meetingKey}", key);
        return new CoordinatesTemplate(t.type(), joinUrl, t.meetingId(), t.passcode(), t.conferenceId(), t.dialIn(), t.localNumbersUrl(),
                t.pinResetUrl(), t.helpUrl(), t.meetingOptionsUrl(), t.locale(), t.footer());
    }

    static CoordinatesTemplate template(Tenant tenant, User user, Optional<Bridge> bridge, MeetingType source, MeetingType target) {
        String joinUrl;
        if (target == MeetingType.TEAMS) {
            joinUrl = source == MeetingType.TEAMS ? CoordinatesTemplate.KEEP : tenant.settings().teamsJoinUrlTemplate();
        } else {
            URI base = user.hosting() == Hosting.ONLINE ? tenant.settings().onlineMeetingUrl() : tenant.settings().onPremisesMeetingUrl();
            joinUrl = stripSlash(base.toString()) + "/{organizer}/{meetingKey}";
        }
        List<DialInNumber> numbers = new ArrayList<>();
        Optional<String> conferenceId = Optional.empty();
        var audio = user.audio();
        if (audio.microsoftDialIn() && bridge.isPresent()) {
            audio.tollNumber().flatMap(n -> bridge.get().number(n)).map(ServiceNumber::asDialIn).ifPresent(numbers::add);
            audio.tollFreeNumber().flatMap(n -> bridge.get().number(n)).map(ServiceNumber::asDialIn).ifPresent(numbers::add);
            conferenceId = numbers.isEmpty() ? Optional.empty() : audio.conferenceId();
            if (conferenceId.isEmpty()) {
                numbers.clear();
            }
        } else if (audio.licensed() && audio.enabled() && audio.provider() == AudioProvider.THIRD_PARTY) {
            numbers.addAll(audio.acpNumbers());
            conferenceId = numbers.isEmpty() ? Optional.empty() : audio.acpConferenceId().filter(id -> id.matches("[0-9]{1,20}"));
            if (conferenceId.isEmpty()) {
                numbers.clear();
            }
        }
        boolean dialIn = !numbers.isEmpty();
        return new CoordinatesTemplate(target, joinUrl, Optional.empty(), Optional.empty(), conferenceId, numbers,
                dialIn ? tenant.settings().localNumbersUrl() : Optional.empty(),
                dialIn ? tenant.settings().pinResetUrl() : Optional.empty(), tenant.settings().helpUrl(), Optional.empty(),
                user.locale(), tenant.settings().customFooter());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
