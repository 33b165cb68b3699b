package org.mms.itip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;

/**
 * Builds the calendar that travels in an iTIP REQUEST from pieces of the stored calendar, byte for
 * byte: {@code BEGIN:VCALENDAR}, {@code METHOD:REQUEST}, the calendar's own properties minus any
 * METHOD they had, the VTIMEZONEs, the VEVENTs (master and overrides), {@code END:VCALENDAR}.
 *
 * <p>No library serializer is involved, because each one we measured rewrites bytes it did not need
 * to touch (folding, parameter quoting, escapes). Only the two wrapper lines and the METHOD line are
 * ours; every other byte is copied as given, in the source's own line ending.
 *
 * <p>METHOD exists only in this mailed copy: stored calendars must not carry it (RFC 4791 §4.1), and
 * an exported calendar may say {@code METHOD:PUBLISH}, which would turn an invitation into a
 * read-only publication in most clients.
 */
public final class ComposeRequestCalendar {

    private ComposeRequestCalendar() {}

    /**
     * @param calendarProperties the calendar's property lines as found between {@code BEGIN:VCALENDAR}
     *                           and its first component (PRODID, VERSION, CALSCALE, X-WR-…), folds
     *                           and line endings included; may be empty
     * @param timezones          each needed VTIMEZONE, from its BEGIN line to its END line's ending
     * @param events             the meeting's VEVENTs (master and overrides), likewise; at least one
     * @param lineEnding         {@code "\r\n"} or {@code "\n"}: the source's own, for the lines we add
     * @return the complete VCALENDAR with {@code METHOD:REQUEST}
     * @throws IllegalArgumentException if a piece is not what its parameter says; the pieces come
     *                                  from our own reader, so this is a bug, not bad user input
     */
    public static byte[] compose(
            byte[] calendarProperties, List<byte[]> timezones, List<byte[]> events, String lineEnding) {
        Objects.requireNonNull(calendarProperties, "calendarProperties");
        Objects.requireNonNull(timezones, "timezones");
        Objects.requireNonNull(events, "events");
        requireLineEnding(lineEnding);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a REQUEST needs at least one VEVENT");
        }
        for (byte[] timezone : timezones) {
            requireComponent("VTIMEZONE", timezone);
        }
        for (byte[] event : events) {
            requireComponent("VEVENT", event);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(
                calendarProperties.length + totalLength(timezones) + totalLength(events) + 64);
        writeLine(out, "BEGIN:VCALENDAR", lineEnding);
        writeLine(out, "METHOD:REQUEST", lineEnding);
        writePropertiesWithoutMethod(out, calendarProperties);
        timezones.forEach(out::writeBytes);
        events.forEach(out::writeBytes);
        writeLine(out, "END:VCALENDAR", lineEnding);
        return out.toByteArray();
    }

    private static void writePropertiesWithoutMethod(ByteArrayOutputStream out, byte[] properties) {
        if (properties.length == 0) {
            return;
        }
        if (!endsWithLineBreak(properties)) {
            throw new IllegalArgumentException("calendar properties must end with a line ending");
        }
        for (ContentLine line : ContentLines.scan(properties)) {
            switch (line.name()) {
                case "METHOD" -> { } // dropped: this copy says REQUEST, once, at the top
                case "BEGIN", "END" -> throw new IllegalArgumentException(
                        "calendar properties must not contain components, found a " + line.name() + " line");
                default -> out.write(properties, line.start(), line.end() - line.start());
            }
        }
    }

    private static void requireComponent(String kind, byte[] component) {
        Objects.requireNonNull(component, kind);
        List<ContentLine> lines = ContentLines.scan(component);
        if (lines.size() < 2
                || !isLine(component, lines.getFirst(), "BEGIN:" + kind)
                || !isLine(component, lines.getLast(), "END:" + kind)) {
            throw new IllegalArgumentException(
                    "expected one " + kind + " from its BEGIN line to its END line, got: " + preview(component));
        }
        if (!endsWithLineBreak(component)) {
            throw new IllegalArgumentException("a " + kind + " must end with a line ending");
        }
    }

    private static boolean isLine(byte[] bytes, ContentLine line, String expected) {
        return new String(line.unfolded(), StandardCharsets.ISO_8859_1).equalsIgnoreCase(expected);
    }

    /** True when the bytes end with a line ending, so whatever is appended starts a new line. */
    static boolean endsWithLineBreak(byte[] bytes) {
        return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    }

    private static void requireLineEnding(String lineEnding) {
        if (!"\r\n".equals(lineEnding) && !"\n".equals(lineEnding)) {
            throw new IllegalArgumentException("line ending must be CRLF or LF");
        }
    }

    private static void writeLine(ByteArrayOutputStream out, String line, String lineEnding) {
        out.writeBytes((line + lineEnding).getBytes(StandardCharsets.US_ASCII));
    }

    private static int totalLength(List<byte[]> pieces) {
        return pieces.stream().mapToInt(piece -> piece.length).sum();
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8);
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
