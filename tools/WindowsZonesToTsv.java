import java.io.FileInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns the Unicode CLDR {@code common/supplemental/windowsZones.xml} into the table MMS ships as
 * {@code src/main/resources/org/mms/ical/windows-zones.tsv}.
 *
 * <p>Usage, from the repository root (JDK 25 runs a single source file directly):
 * <pre>
 *   java tools/WindowsZonesToTsv.java path/to/windowsZones.xml &gt; src/main/resources/org/mms/ical/windows-zones.tsv
 * </pre>
 *
 * <p>Only the territory "001" rows are kept: that is the zone CLDR picks when nothing but the Windows
 * name is known, which is all an invitation tells us. The comment in front of each group is the
 * Windows display name (e.g. "(UTC+01:00) Amsterdam, Berlin, ..."); old Outlook versions use it as a
 * TZID, so it goes into the third column.
 */
public class WindowsZonesToTsv {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java tools/WindowsZonesToTsv.java windowsZones.xml > windows-zones.tsv");
            System.exit(2);
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        String otherVersion = "?";
        String typeVersion = "?";
        try (InputStream in = new FileInputStream(args[0])) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String displayName = "";
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.COMMENT) {
                    // Some groups carry a second, editorial comment; only "(UTC..." comments are display names.
                    String text = xml.getText().strip();
                    if (text.startsWith("(UTC")) {
                        displayName = text;
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mapTimezones")) {
                    otherVersion = attribute(xml, "otherVersion");
                    typeVersion = attribute(xml, "typeVersion");
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mapZone")
                        && "001".equals(attribute(xml, "territory"))) {
                    String windowsName = attribute(xml, "other").strip();
                    // "type" may list several zones; the first is the canonical one for the territory.
                    String iana = attribute(xml, "type").strip().split("\\s+")[0];
                    if (rows.putIfAbsent(windowsName, new String[] {windowsName, iana, displayName}) != null) {
                        throw new IllegalStateException("two territory 001 rows for " + windowsName);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Windows time zone names and the IANA zone they stand for (CLDR default, territory \"001\"),\n");
        out.append("# with the Windows display name of each zone (older Outlook versions use it as TZID).\n");
        out.append("# Source: Unicode CLDR, common/supplemental/windowsZones.xml (mapTimezones otherVersion=\"")
                .append(otherVersion).append("\" typeVersion=\"").append(typeVersion).append("\").\n");
        out.append("# Copyright (c) Unicode, Inc. Data distributed under the Unicode License: https://www.unicode.org/license.txt\n");
        out.append("# Regenerate with: java tools/WindowsZonesToTsv.java windowsZones.xml > windows-zones.tsv\n");
        out.append("# Columns, tab-separated: windows-name, iana-zone-id, windows-display-name\n");
        for (String[] row : rows.values()) {
            out.append(row[0]).append('\t').append(row[1]).append('\t').append(row[2]).append('\n');
        }
        System.out.print(out);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }
}
