package org.mms.calendar.caldav;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.Folding;
import org.mms.ical.Property;

/**
 * Marks every attendee {@code SCHEDULE-AGENT=CLIENT} (RFC 6638 §7.1) in what MMS writes when it sends
 * the updates itself: a server that schedules (Cyrus, DAViCal) would otherwise send each attendee its
 * own update as well, and every attendee would get two, with different SEQUENCE numbers.
 *
 * <p>Only ATTENDEE lines of the meeting's components change, each refolded on its own; attendees of an
 * email alarm (inside VALARM) are the alarm's recipients, not the meeting's, and stay as they are, as
 * does every other line, byte for byte. An attendee already marked CLIENT is left alone; one marked
 * otherwise (SERVER, NONE) is marked CLIENT, since MMS sends to every attendee.
 */
final class MarkAttendeesClientScheduled {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LF = {'\n'};
    private static final byte[] MARK = ";SCHEDULE-AGENT=CLIENT".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern OTHER_AGENT = Pattern.compile("(?i);SCHEDULE-AGENT=(\"[^\"]*\"|[^;:]*)");

    private MarkAttendeesClientScheduled() {
    }

    static byte[] of(byte[] data) {
        ByteArrayOutputStream out = null;
        int alarms = 0;
        int copiedTo = 0;
        for (ContentLine line : ContentLines.scan(data)) {
            if (line.hasName("BEGIN") || line.hasName("END")) {
                boolean alarm = line.property().value().equalsIgnoreCase("VALARM");
                alarms += alarm ? (line.hasName("BEGIN") ? 1 : -1) : 0;
                continue;
            }
            if (alarms > 0 || !line.hasName("ATTENDEE")) {
                continue;
            }
            Optional<byte[]> marked = marked(line);
            if (marked.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(data.length + 256);
            }
            out.write(data, copiedTo, line.start() - copiedTo);
            out.writeBytes(refold(marked.get(), line));
            copiedTo = line.end();
        }
        if (out == null) {
            return data;
        }
        out.write(data, copiedTo, data.length - copiedTo);
        return out.toByteArray();
    }

    /** The unfolded line with the mark, or empty when it carries it already. */
    private static Optional<byte[]> marked(ContentLine line) {
        byte[] unfolded = line.unfolded();
        Property.Head head = Property.parseHead(unfolded);
        Optional<String> agent = head.parameter("SCHEDULE-AGENT");
        if (agent.isPresent() && agent.get().toUpperCase(Locale.ROOT).equals("CLIENT")) {
            return Optional.empty();
        }
        int nameEnd = head.name().length();
        if (agent.isEmpty()) {
            byte[] withMark = new byte[unfolded.length + MARK.length];
            System.arraycopy(unfolded, 0, withMark, 0, nameEnd);
            System.arraycopy(MARK, 0, withMark, nameEnd, MARK.length);
            System.arraycopy(unfolded, nameEnd, withMark, nameEnd + MARK.length, unfolded.length - nameEnd);
            return Optional.of(withMark);
        }
        // Replaced among the parameters only, never in the value (an address cannot hold one anyway).
        int valueOffset = head.valueOffset();
        String parameters = new String(unfolded, 0, valueOffset, StandardCharsets.UTF_8);
        String replaced = OTHER_AGENT.matcher(parameters).replaceFirst(Matcher.quoteReplacement(";SCHEDULE-AGENT=CLIENT"));
        byte[] headBytes = replaced.getBytes(StandardCharsets.UTF_8);
        byte[] result = Arrays.copyOf(headBytes, headBytes.length + unfolded.length - valueOffset);
        System.arraycopy(unfolded, valueOffset, result, headBytes.length, unfolded.length - valueOffset);
        return Optional.of(result);
    }

    private static byte[] refold(byte[] content, ContentLine line) {
        byte[] ending = line.lineEnding();
        if (ending.length > 0) {
            return Folding.foldLine(content, ending);
        }
        // The last line without a line ending: fold with the ending its folds use, and add none.
        byte[] foldEnding = line.usesBareLf() ? LF : CRLF;
        byte[] folded = Folding.foldLine(content, foldEnding);
        return Arrays.copyOf(folded, folded.length - foldEnding.length);
    }
}
