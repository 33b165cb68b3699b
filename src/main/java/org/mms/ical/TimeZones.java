package org.mms.ical;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the TZID of a DATE-TIME into time-zone rules, the way real calendars write TZIDs:
 * <ol>
 *   <li>IANA ids ({@code Europe/Berlin}), also behind a leading {@code /} or a vendor prefix such as
 *       {@code /mozilla.org/20050126_1/Europe/Berlin};</li>
 *   <li>Windows zone names as Outlook and Exchange write them ({@code W. Europe Standard Time}),
 *       through the Unicode CLDR windowsZones table;</li>
 *   <li>the calendar's own VTIMEZONE for that TZID ({@link #withDefinitions});</li>
 *   <li>Windows display names ({@code (UTC+01:00) Amsterdam, Berlin, ...}) through the same table.</li>
 * </ol>
 * A known name wins over the calendar's definition: the IANA rules know every past and future change,
 * a VTIMEZONE only the rules its producer knew.
 *
 * <p>A TZID none of these know gives {@link Optional#empty()}. RFC 5545 makes that a malformed
 * calendar; whether to reject the meeting or read its times in a default zone is the caller's choice
 * (see {@link TimeContext.UnknownTzid}).
 *
 * <p>Instances are immutable and safe to share between threads. {@link #standard()} knows no
 * definitions; a calendar's instance comes from {@code standard().withDefinitions(...)}.
 */
public final class TimeZones {

    private static final TimeZones STANDARD = new TimeZones(Map.of());
    private static final Set<String> IANA_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Map<String, String> IANA_BY_LOWER_CASE = lowerCaseIndex(IANA_IDS);
    /** Bounded by the ~600 IANA ids; saves ZoneId.of's parsing and provider look-up on every call. */
    private static final Map<String, ZoneId> ZONE_IDS = new ConcurrentHashMap<>();

    private final Map<String, String> definitions;

    private TimeZones(Map<String, String> definitions) {
        this.definitions = definitions;
    }

    /** IANA ids and the Windows table; no calendar definitions. */
    public static TimeZones standard() {
        return STANDARD;
    }

    /**
     * A copy that also knows a calendar's VTIMEZONE definitions (they replace earlier ones with the
     * same TZID). Nothing is parsed here: a definition is read, once per distinct text and process,
     * the first time a TZID needs it.
     *
     * @param unfoldedVtimezoneTextByTzid TZID (unescaped, as in the TZID parameter) to the unfolded
     *                                    text of its VTIMEZONE component, BEGIN to END
     */
    public TimeZones withDefinitions(Map<String, String> unfoldedVtimezoneTextByTzid) {
        Map<String, String> merged = new HashMap<>(definitions);
        unfoldedVtimezoneTextByTzid.forEach((tzid, text) -> merged.put(unquote(tzid), Objects.requireNonNull(text, tzid)));
        return new TimeZones(Map.copyOf(merged));
    }

    /**
     * The real zone a TZID names: IANA, Windows or display name. Empty for zones that exist only as an
     * inline definition, because {@code java.time} cannot name custom rules without registering them
     * for the whole JVM; use {@link #rules} to convert times.
     */
    public Optional<ZoneId> zoneId(String tzid) {
        String name = unquote(tzid);
        return knownZone(name).or(() -> displayNameZone(name));
    }

    /**
     * The rules to read local times with the TZID: a known zone's rules, else the calendar's
     * definition, else a Windows display name's zone.
     *
     * @throws IcalFormatException if the TZID needs its definition and the definition is unreadable
     */
    public Optional<ZoneRules> rules(String tzid) {
        String name = unquote(tzid);
        Optional<ZoneId> known = knownZone(name);
        if (known.isPresent()) {
            return Optional.of(known.get().getRules());
        }
        String definition = definitions.get(name);
        if (definition != null) {
            return Optional.of(VtimezoneRules.of(name, definition));
        }
        return displayNameZone(name).map(ZoneId::getRules);
    }

    private static Optional<ZoneId> knownZone(String name) {
        Optional<ZoneId> iana = iana(name);
        if (iana.isPresent()) {
            return iana;
        }
        Optional<String> windows = WindowsZones.table().ianaFor(name);
        if (windows.isPresent()) {
            return iana(windows.get());
        }
        // "/Europe/Berlin", "/mozilla.org/20050126_1/Europe/Berlin", "/softwarestudio.org/Olson_20011030_5/America/New_York":
        // try every suffix after a slash, longest first, so "America/Argentina/Buenos_Aires" stays whole.
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            Optional<ZoneId> suffix = iana(name.substring(slash + 1));
            if (suffix.isPresent()) {
                return suffix;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> displayNameZone(String name) {
        return WindowsZones.table().ianaForDisplayName(name).flatMap(TimeZones::iana);
    }

    private static Optional<ZoneId> iana(String name) {
        String id = IANA_IDS.contains(name) ? name : IANA_BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.of(ZONE_IDS.computeIfAbsent(id, ZoneId::of));
    }

    /** TZID parameter values with commas or colons are quoted ({@code TZID="(UTC+01:00) Amsterdam, Berlin"}). */
    private static String unquote(String tzid) {
        String name = tzid.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name;
    }

    private static Map<String, String> lowerCaseIndex(Set<String> ids) {
        Map<String, String> index = new HashMap<>();
        for (String id : ids) {
            index.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
        }
        return Map.copyOf(index);
    }
}
