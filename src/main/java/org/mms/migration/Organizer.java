package org.mms.migration;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mms.directory.User;

/**
 * The user whose meetings are migrated: their address and aliases, and what their meetings' join
 * links and blocks show of them. A meeting is theirs when its ORGANIZER is any of the addresses,
 * compared without case and without the {@code mailto:} scheme.
 *
 * @param address       their address (for a user of the service, the SIP address)
 * @param aliases       their other addresses
 * @param objectIds     their directory object ids, which Teams join links name (lower case)
 * @param conferenceIds their dial-in conference IDs, which blocks show (digits only)
 */
public record Organizer(String address, Set<String> aliases, Set<String> objectIds, Set<String> conferenceIds) {

    private static final Pattern CONFERENCE_ID = Pattern.compile("[0-9]{4,20}");

    public Organizer {
        CheckAddress.problem(address).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        address = normalize(address);
        Set<String> normalized = new LinkedHashSet<>();
        aliases.forEach(a -> normalized.add(normalize(a)));
        normalized.remove(address);
        aliases = Set.copyOf(normalized);
        Set<String> ids = new LinkedHashSet<>();
        for (String id : objectIds) {
            objectIdProblem(id).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            ids.add(User.normalizeObjectId(id));
        }
        objectIds = Set.copyOf(ids);
        Set<String> conferences = new LinkedHashSet<>();
        for (String id : conferenceIds) {
            conferenceIdProblem(id).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            conferences.add(digits(id));
        }
        conferenceIds = Set.copyOf(conferences);
    }

    /** An organizer known by addresses only. */
    public Organizer(String address, Set<String> aliases) {
        this(address, aliases, Set.of(), Set.of());
    }

    public static Organizer of(String address, String... aliases) {
        return new Organizer(address, Set.of(aliases));
    }

    public Organizer withObjectIds(Set<String> ids) {
        return new Organizer(address, aliases, ids, conferenceIds);
    }

    public Organizer withConferenceIds(Set<String> ids) {
        return new Organizer(address, aliases, objectIds, ids);
    }

    /** Whether a calendar user address ({@code mailto:…} or bare) is this organizer. */
    public boolean is(String calendarAddress) {
        String a = normalize(calendarAddress);
        return a.equals(address) || aliases.contains(a);
    }

    /** Whether a Skype for Business join link's user part is this organizer's: the user part of any of their addresses. */
    public boolean hasSipUser(String user) {
        String u = user.toLowerCase(Locale.ROOT);
        return userPart(address).equals(u) || aliases.stream().anyMatch(a -> userPart(a).equals(u));
    }

    /** Why {@code id} is not a directory object id (a GUID), or empty when it is one. */
    public static Optional<String> objectIdProblem(String id) {
        return User.objectIdProblem(id).map(problem -> problem + ": " + OneLine.of(String.valueOf(id), 80));
    }

    /** Why {@code id} is not a conference ID (4 to 20 digits, spaces allowed), or empty when it is one. */
    public static Optional<String> conferenceIdProblem(String id) {
        if (id == null || !id.matches("[0-9 ]{1,40}") || !CONFERENCE_ID.matcher(digits(id)).matches()) {
            return Optional.of("not a conference ID (4 to 20 digits): " + OneLine.of(String.valueOf(id), 80));
        }
        return Optional.empty();
    }

    private static String digits(String id) {
        return id.replace(" ", "");
    }

    private static String userPart(String normalizedAddress) {
        int at = normalizedAddress.lastIndexOf('@');
        return at < 0 ? normalizedAddress : normalizedAddress.substring(0, at);
    }

    /** Lower-cased address without a {@code mailto:} or {@code sip:} scheme. */
    static String normalize(String calendarAddress) {
        String a = calendarAddress.trim();
        int colon = a.indexOf(':');
        if (colon > 0 && a.substring(0, colon).matches("(?i)mailto|sip")) {
            a = a.substring(colon + 1);
        }
        return a.trim().toLowerCase(Locale.ROOT);
    }
}
