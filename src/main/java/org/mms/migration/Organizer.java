package org.mms.migration;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The user whose meetings are migrated: their address and aliases. A meeting is theirs when its
 * ORGANIZER is any of them, compared without case and without the {@code mailto:} scheme.
 */
public record Organizer(String address, Set<String> aliases) {

    public Organizer {
        CheckAddress.problem(address).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        address = normalize(address);
        Set<String> normalized = new LinkedHashSet<>();
        aliases.forEach(a -> normalized.add(normalize(a)));
        normalized.remove(address);
        aliases = Set.copyOf(normalized);
    }

    public static Organizer of(String address, String... aliases) {
        return new Organizer(address, Set.of(aliases));
    }

    /** Whether a calendar user address ({@code mailto:…} or bare) is this organizer. */
    public boolean is(String calendarAddress) {
        String a = normalize(calendarAddress);
        return a.equals(address) || aliases.contains(a);
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
