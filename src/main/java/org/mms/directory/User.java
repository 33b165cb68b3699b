package org.mms.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mms.block.MeetingType;

/**
 * A user as MMS sees them: an organizer whose meetings may need new coordinates.
 *
 * @param upn          user principal name, e.g. alice@contoso.com
 * @param sipAddress   SIP address without the {@code sip:} scheme
 * @param aliases      other addresses that may appear as ORGANIZER
 * @param hosting      on a pool of the organization, or online
 * @param pool         the on-premises pool (when hosted there)
 * @param mailbox      whether MMS can reach their calendar
 * @param meetingType  the kind of online meeting they schedule
 * @param upgradeMode  their TeamsUpgradePolicy mode
 * @param audio        their dial-in audio conferencing
 * @param locale       the language of their invitations
 * @param objectId     their directory (Entra ID) object id, lower case: Teams join links name it
 */
public record User(UserId id, TenantId tenant, String upn, String sipAddress, String displayName, Set<String> aliases,
        Hosting hosting, Optional<String> pool, MailboxLocation mailbox, MeetingType meetingType, TeamsUpgradeMode upgradeMode,
        AudioConferencing audio, Locale locale, Optional<String> objectId) {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(upn, "upn");
        if (!upn.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("a user principal name looks like an address: " + upn);
        }
        sipAddress = sipAddress == null || sipAddress.isBlank() ? upn : sipAddress.replaceFirst("(?i)^sip:", "");
        displayName = displayName == null || displayName.isBlank() ? upn : displayName;
        aliases = Set.copyOf(aliases);
        Objects.requireNonNull(hosting, "hosting");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(meetingType, "meetingType");
        Objects.requireNonNull(upgradeMode, "upgradeMode");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(locale, "locale");
        objectId = Objects.requireNonNull(objectId, "objectId").map(User::normalizeObjectId);
        objectId.flatMap(User::objectIdProblem).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * Why {@code id} is not a directory object id (a GUID), or empty when it is one: the one rule for the directory
     * import, the offline tool's {@code --object-id} and the engine's organizer. The value itself is not quoted: it is
     * input, and whoever shows the problem quotes it as its output allows.
     */
    public static Optional<String> objectIdProblem(String id) {
        if (id == null || !OBJECT_ID.matcher(normalizeObjectId(id)).matches()) {
            return Optional.of("not an object id (a GUID such as 3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43)");
        }
        return Optional.empty();
    }

    /** An object id as it is compared and stored: without surrounding white space, in lower case. */
    public static String normalizeObjectId(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    /** A user whose object id is not known. */
    public User(UserId id, TenantId tenant, String upn, String sipAddress, String displayName, Set<String> aliases,
            Hosting hosting, Optional<String> pool, MailboxLocation mailbox, MeetingType meetingType, TeamsUpgradeMode upgradeMode,
            AudioConferencing audio, Locale locale) {
        this(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, mailbox, meetingType, upgradeMode, audio, locale,
                Optional.empty());
    }

    /** Whether {@code identity} names this user: UPN, SIP address (with or without sip:), an alias, or the id. */
    public boolean isNamedBy(String identity) {
        String i = identity.strip().replaceFirst("(?i)^(sip|mailto):", "");
        return i.equalsIgnoreCase(upn) || i.equalsIgnoreCase(sipAddress) || i.equalsIgnoreCase(id.value())
                || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(i));
    }

    public User withHosting(Hosting value, Optional<String> poolName) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, value, poolName, mailbox, meetingType, upgradeMode, audio, locale, objectId);
    }

    public User withMeetingType(MeetingType value) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, mailbox, value, upgradeMode, audio, locale, objectId);
    }

    public User withUpgradeMode(TeamsUpgradeMode value) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, mailbox, meetingType, value, audio, locale, objectId);
    }

    public User withAudio(AudioConferencing value) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, mailbox, meetingType, upgradeMode, value, locale, objectId);
    }

    public User withSipAddress(String value) {
        return new User(id, tenant, upn, value, displayName, aliases, hosting, pool, mailbox, meetingType, upgradeMode, audio, locale, objectId);
    }

    public User withMailbox(MailboxLocation value) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, value, meetingType, upgradeMode, audio, locale, objectId);
    }

    public User withObjectId(Optional<String> value) {
        return new User(id, tenant, upn, sipAddress, displayName, aliases, hosting, pool, mailbox, meetingType, upgradeMode, audio, locale, value);
    }
}
