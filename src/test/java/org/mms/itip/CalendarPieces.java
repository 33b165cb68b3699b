package org.mms.itip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A stored calendar cut into the pieces {@link ComposeRequestCalendar} takes, the way the reader
 * would cut it. Written independently of the production scanner (physical lines only: BEGIN and END
 * lines are short and never folded in the fixtures), so the two check each other.
 */
record CalendarPieces(byte[] properties, List<byte[]> timezones, List<byte[]> events, String lineEnding) {

    static CalendarPieces cut(byte[] source) {
        List<int[]> lines = physicalLines(source);
        String lineEnding = source[lines.getFirst()[1] - 2] == '\r' ? "\r\n" : "\n";
        int propertiesEnd = -1;
        List<byte[]> timezones = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        int depth = 0;
        int componentStart = -1;
        String componentName = null;
        for (int i = 1; i < lines.size(); i++) {
            int[] line = lines.get(i);
            String text = new String(source, line[0], line[1] - line[0], StandardCharsets.ISO_8859_1)
                    .strip().toUpperCase(Locale.ROOT);
            if (text.startsWith("BEGIN:")) {
                if (depth == 0) {
                    componentStart = line[0];
                    componentName = text.substring(6);
                    if (propertiesEnd < 0) {
                        propertiesEnd = line[0];
                    }
                }
                depth++;
            } else if (text.startsWith("END:") && depth > 0) {
                depth--;
                if (depth == 0) {
                    byte[] component = Arrays.copyOfRange(source, componentStart, line[1]);
                    (componentName.equals("VTIMEZONE") ? timezones : events).add(component);
                }
            }
        }
        int propertiesStart = lines.getFirst()[1];
        return new CalendarPieces(
                Arrays.copyOfRange(source, propertiesStart, propertiesEnd), timezones, events, lineEnding);
    }

    byte[] compose() {
        return ComposeRequestCalendar.compose(properties, timezones, events, lineEnding);
    }

    private static List<int[]> physicalLines(byte[] source) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n') {
                lines.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < source.length) {
            lines.add(new int[] {start, source.length});
        }
        return lines;
    }
}
