package org.mms.testing;

import java.nio.charset.StandardCharsets;

/** Real calendars made hostile in the ways issue 13 found: components nested thousands deep, titles longer than any column. */
public final class HostileCalendars {

    private HostileCalendars() {
    }

    /** The calendar with {@code depth} nested {@code BEGIN:X-NEST} … {@code END:X-NEST} blocks inside its first VEVENT. */
    public static byte[] nestedInFirstEvent(byte[] calendar, int depth) {
        String text = new String(calendar, StandardCharsets.ISO_8859_1);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        int end = text.indexOf("END:VEVENT");
        if (end < 0) {
            throw new IllegalArgumentException("no VEVENT in the calendar");
        }
        String nest = ("BEGIN:X-NEST" + eol).repeat(depth) + ("END:X-NEST" + eol).repeat(depth);
        return (text.substring(0, end) + nest + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The calendar with every SUMMARY line replaced by one carrying {@code summary}, folded at 75 octets. */
    public static byte[] withSummaries(byte[] calendar, String summary) {
        String text = new String(calendar, StandardCharsets.ISO_8859_1);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String line = new String(("SUMMARY:" + summary).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < line.length(); i += 74) {
            folded.append(i == 0 ? "" : eol + " ").append(line, i, Math.min(line.length(), i + 74));
        }
        String[] lines = text.split(java.util.regex.Pattern.quote(eol), -1);
        StringBuilder out = new StringBuilder(text.length() + summary.length() * 8);
        boolean inSummary = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (inSummary && (l.startsWith(" ") || l.startsWith("\t"))) {
                continue;
            }
            inSummary = l.startsWith("SUMMARY:") || l.startsWith("SUMMARY;");
            out.append(inSummary ? folded : l).append(i == lines.length - 1 ? "" : eol);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
