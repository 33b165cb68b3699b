package org.mms.admin;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.QuietHours;

/**
 * Checks the pacing parameters of {@code Set-CsTenantMigrationConfiguration} (the notice to organizers among them) and
 * applies them to the tenant's pacing: a parameter not given keeps what the tenant has.
 */
final class CheckPacing {

    /** The most updates per hour a limit may allow: more is no limit worth having. */
    static final int MOST_PER_HOUR = 1_000_000;
    /** The longest notice to an organizer, in minutes: a week. */
    static final int MOST_NOTICE_MINUTES = (int) OutgoingPacing.LONGEST_NOTICE.toMinutes();
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String DEFAULT_ZONE = "UTC";

    sealed interface Result {
    }

    record Accepted(OutgoingPacing pacing) implements Result {
    }

    /** Every problem, each starting with the name of the parameter that has it. */
    record Refused(List<String> problems) implements Result {
        Refused {
            problems = List.copyOf(problems);
        }
    }

    private CheckPacing() {
    }

    static Result check(Requests.PacingChange change, OutgoingPacing current) {
        List<String> problems = new ArrayList<>();
        OptionalInt max = current.maxUpdatesPerHour();
        if (change.maxUpdatesPerHour().isPresent()) {
            int given = change.maxUpdatesPerHour().get();
            if (given < 0 || given > MOST_PER_HOUR) {
                problems.add("MaxUpdatesPerHour must be from 0 (no limit) to " + MOST_PER_HOUR + ", not " + given);
            }
            max = given == 0 ? OptionalInt.empty() : OptionalInt.of(given);
        }
        Optional<QuietHours> quiet = quietHours(change, current.quietHours(), problems);
        Duration notice = current.organizerNotice();
        if (change.notifyOrganizerBeforeMinutes().isPresent()) {
            int given = change.notifyOrganizerBeforeMinutes().get();
            if (given < 0 || given > MOST_NOTICE_MINUTES) {
                problems.add("NotifyOrganizerBeforeMinutes must be from 0 (no notice) to " + MOST_NOTICE_MINUTES + " (a week), not " + given);
            } else {
                notice = Duration.ofMinutes(given);
            }
        }
        return problems.isEmpty() ? new Accepted(new OutgoingPacing(max, quiet, notice)) : new Refused(problems);
    }

    private static Optional<QuietHours> quietHours(Requests.PacingChange change, Optional<QuietHours> current, List<String> problems) {
        boolean removed = change.quietHoursStart().filter(String::isEmpty).isPresent() || change.quietHoursEnd().filter(String::isEmpty).isPresent();
        if (removed) {
            if (change.quietHoursStart().filter(v -> !v.isEmpty()).isPresent() || change.quietHoursEnd().filter(v -> !v.isEmpty()).isPresent()) {
                problems.add("QuietHoursStart and QuietHoursEnd: give both as HH:mm, or '' to remove the quiet hours");
            }
            return Optional.empty();
        }
        Optional<LocalTime> start = time("QuietHoursStart", change.quietHoursStart(), problems).or(() -> current.map(QuietHours::start));
        Optional<LocalTime> end = time("QuietHoursEnd", change.quietHoursEnd(), problems).or(() -> current.map(QuietHours::end));
        Optional<ZoneId> zone = zone(change.quietHoursTimeZone(), problems).or(() -> current.map(QuietHours::zone));
        if (start.isEmpty() && end.isEmpty()) {
            if (change.quietHoursTimeZone().isPresent()) {
                problems.add("QuietHoursTimeZone needs QuietHoursStart and QuietHoursEnd");
            }
            return Optional.empty();
        }
        if (start.isEmpty() || end.isEmpty()) {
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            problems.add("QuietHoursStart and QuietHoursEnd go together: give " + (start.isEmpty() ? "QuietHoursStart" : "QuietHoursEnd") + " too");
            return Optional.empty();
        }
        if (start.get().equals(end.get())) {
            problems.add("QuietHoursStart and QuietHoursEnd must differ (both are " + start.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new QuietHours(start.get(), end.get(), zone.orElse(ZoneId.of(DEFAULT_ZONE))));
    }

    private static Optional<LocalTime> time(String name, Optional<String> given, List<String> problems) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (!HH_MM.matcher(given.get()).matches()) {
            problems.add(name + " must be a time as HH:mm from 00:00 to 23:59, e.g. 22:00");
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(given.get()));
    }

    /** Only a zone of the IANA database by name (Europe/Berlin, UTC): an offset such as +01:00 knows no daylight saving. */
    private static Optional<ZoneId> zone(Optional<String> given, List<String> problems) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (!ZoneRulesProvider.getAvailableZoneIds().contains(given.get())) {
            problems.add("QuietHoursTimeZone must be an IANA time zone such as Europe/Berlin or America/New_York");
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(given.get()));
    }
}
