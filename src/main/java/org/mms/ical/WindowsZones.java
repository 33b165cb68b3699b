package org.mms.ical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CLDR table from Windows zone names ("W. Europe Standard Time", as Outlook and Exchange write
 * TZIDs) to IANA zones, plus the Windows display names ("(UTC+01:00) Amsterdam, Berlin, ...") that
 * older Outlook versions used as TZIDs. Read once from {@code windows-zones.tsv} on the class path.
 */
final class WindowsZones {

    private static final String RESOURCE = "windows-zones.tsv";

    private final Map<String, String> ianaByName;
    private final Map<String, String> ianaByLowerCaseName;
    private final Map<String, String> ianaByDisplayKey;

    private WindowsZones(Map<String, String> ianaByName, Map<String, String> ianaByDisplayKey) {
        this.ianaByName = Collections.unmodifiableMap(ianaByName);
        this.ianaByDisplayKey = Map.copyOf(ianaByDisplayKey);
        Map<String, String> lower = new HashMap<>();
        ianaByName.forEach((name, iana) -> lower.put(name.toLowerCase(Locale.ROOT), iana));
        this.ianaByLowerCaseName = Map.copyOf(lower);
    }

    static WindowsZones table() {
        return Holder.TABLE;
    }

    /** Windows name to IANA id; case-insensitive because hand-written calendars vary. */
    Optional<String> ianaFor(String windowsName) {
        String iana = ianaByName.get(windowsName);
        if (iana == null) {
            iana = ianaByLowerCaseName.get(windowsName.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(iana);
    }

    /**
     * Display name to IANA id. The "(UTC+01:00)" part is ignored and separators are normalised, so
     * Outlook 2003's "(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna" matches too.
     */
    Optional<String> ianaForDisplayName(String displayName) {
        if (!displayName.startsWith("(")) {
            return Optional.empty();
        }
        return Optional.ofNullable(ianaByDisplayKey.get(displayKey(displayName)));
    }

    /** Every Windows name in the table with its IANA id, in table order. */
    Map<String, String> entries() {
        return ianaByName;
    }

    static String displayKey(String displayName) {
        int close = displayName.indexOf(')');
        String places = displayName.startsWith("(") && close > 0 ? displayName.substring(close + 1) : displayName;
        return places.toLowerCase(Locale.ROOT)
                .replace('/', ',')
                .replaceAll("\\s*,\\s*", ",")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static WindowsZones load() {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> byDisplay = new HashMap<>();
        try (InputStream in = WindowsZones.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path next to " + WindowsZones.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected 3 tab-separated columns in: " + line);
                }
                byName.put(columns[0], columns[1]);
                byDisplay.put(displayKey(columns[2]), columns[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new WindowsZones(byName, byDisplay);
    }

    /** Loaded on first use, once per class loader. */
    private static final class Holder {
        static final WindowsZones TABLE = load();
    }
}
