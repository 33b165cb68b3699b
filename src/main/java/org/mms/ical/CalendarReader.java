package org.mms.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an iCalendar stream one piece at a time, so a calendar of a million events never has to be
 * in memory: the lines of each VCALENDAR, and each of its components (VEVENT, VTIMEZONE, VTODO…)
 * whole, as raw bytes. Concatenating the bytes of every item gives back the input exactly.
 */
public final class CalendarReader {

    /** One piece of the stream, with its raw bytes and the number of its first line (1-based). */
    public sealed interface Item {
        byte[] bytes();

        long firstLine();
    }

    /** {@code BEGIN:VCALENDAR}. */
    public record CalendarBegin(byte[] bytes, long firstLine) implements Item {
    }

    /** A property of the calendar itself (PRODID, VERSION, METHOD, X-WR-CALNAME…). */
    public record CalendarProperty(byte[] bytes, long firstLine) implements Item {
    }

    /** A component directly inside a VCALENDAR, nested components included. */
    public record TopComponent(String name, byte[] bytes, long firstLine) implements Item {
    }

    /** {@code END:VCALENDAR}. */
    public record CalendarEnd(byte[] bytes, long firstLine) implements Item {
    }

    /** Blank lines between calendars or at the end of the input. */
    public record Blank(byte[] bytes, long firstLine) implements Item {
    }

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber = 1;
    private boolean insideCalendar;
    private boolean sawCalendar;

    public CalendarReader(InputStream in) {
        this.in = in;
        this.buf = new byte[CHUNK];
    }

    /**
     * Reads a calendar already in memory (a stored resource) in place: no read buffer of its own, which
     * for a 3 KB meeting would be twenty times its size. The array is only read, never changed.
     */
    public static CalendarReader of(byte[] calendar) {
        return new CalendarReader(calendar);
    }

    private CalendarReader(byte[] calendar) {
        this.in = InputStream.nullInputStream();
        this.buf = calendar;
        this.limit = calendar.length;
        this.eof = true;
    }

    /** The next item, or {@code null} after the last one. */
    public Item next() {
        long first = lineNumber;
        int[] line = readLine();
        if (line == null) {
            if (!sawCalendar) {
                throw new IcalFormatException("not iCalendar: the input is empty");
            }
            if (insideCalendar) {
                throw new IcalFormatException("the input ends inside a VCALENDAR: END:VCALENDAR is missing");
            }
            return null;
        }
        byte[] bytes = Arrays.copyOfRange(buf, line[0], line[1]);
        ContentLine cl = ContentLines.lineAt(bytes, 0, bytes.length);
        if (cl.contentEnd() == 0 || isBlank(bytes, cl.contentEnd())) {
            if (insideCalendar) {
                return new CalendarProperty(bytes, first);
            }
            return new Blank(bytes, first);
        }
        if (!insideCalendar) {
            if (!sawCalendar && startsWithByteOrderMark(bytes)) {
                // Windows tools often put a UTF-8 byte order mark first; it stays in the raw bytes.
                cl = ContentLines.lineAt(bytes, 3, bytes.length);
            }
            if (cl.hasName("BEGIN") && valueOf(cl).equals("VCALENDAR")) {
                insideCalendar = true;
                sawCalendar = true;
                return new CalendarBegin(bytes, first);
            }
            throw new IcalFormatException("not iCalendar: line " + first + " should be BEGIN:VCALENDAR but is: " + cl);
        }
        if (cl.hasName("END")) {
            String name = valueOf(cl);
            if (!name.equals("VCALENDAR")) {
                throw new IcalFormatException("line " + first + ": END:" + name + " without its BEGIN");
            }
            insideCalendar = false;
            return new CalendarEnd(bytes, first);
        }
        if (cl.hasName("BEGIN")) {
            return readComponent(valueOf(cl), bytes, first);
        }
        return new CalendarProperty(bytes, first);
    }

    private TopComponent readComponent(String name, byte[] beginLine, long first) {
        Accumulator acc = new Accumulator(beginLine);
        int depth = 1;
        String uid = null;
        while (depth > 0) {
            int[] line = readLine();
            if (line == null) {
                throw new IcalFormatException("the input ends inside " + name + (uid == null ? "" : " UID " + uid)
                        + " that begins at line " + first + ": END:" + name + " is missing");
            }
            int at = acc.append(buf, line[0], line[1]);
            ContentLine cl = ContentLines.lineAt(acc.bytes, at, acc.size);
            if (cl.hasName("BEGIN")) {
                depth++;
            } else if (cl.hasName("END")) {
                depth--;
                if (depth == 0 && !valueOf(cl).equals(name)) {
                    throw new IcalFormatException("line " + (lineNumber - 1) + ": END:" + valueOf(cl) + " closes " + name
                            + (uid == null ? "" : " UID " + uid) + " that begins at line " + first);
                }
            } else if (uid == null && depth == 1 && cl.hasName("UID")) {
                uid = rawValueOf(cl);
            }
        }
        return new TopComponent(name, Arrays.copyOf(acc.bytes, acc.size), first);
    }

    /** The component name a BEGIN or END line gives, upper case. */
    private static String valueOf(ContentLine line) {
        return rawValueOf(line).toUpperCase(Locale.ROOT);
    }

    private static String rawValueOf(ContentLine line) {
        byte[] b = line.unfolded();
        int colon = ContentLine.indexOf(b, (byte) ':', 0, b.length);
        if (colon < 0) {
            return "";
        }
        return new String(b, colon + 1, b.length - colon - 1, StandardCharsets.UTF_8).trim();
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    private static boolean isBlank(byte[] bytes, int contentEnd) {
        for (int i = 0; i < contentEnd; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The bounds in {@link #buf} of the next logical line (its line ending included), or null at the
     * end of the input. Valid until the next call. While a line is read, {@link #pos} stays at its
     * start, so offsets are kept relative to it: {@link #fill()} may move the bytes to the front.
     */
    private int[] readLine() {
        if (pos >= limit && !fill()) {
            return null;
        }
        if (buf[pos] == ' ' || buf[pos] == '\t') {
            throw new IcalFormatException("broken folding: line " + lineNumber
                    + " starts with a space or tab but there is no line before it to continue");
        }
        int scan = 0;
        while (true) {
            int lf = ContentLine.indexOf(buf, (byte) '\n', pos + scan, limit);
            if (lf < 0) {
                scan = limit - pos;
                if (!fill()) {
                    return consume(limit - pos);
                }
                continue;
            }
            lineNumber++;
            int next = lf + 1 - pos;
            if (pos + next >= limit && !fill()) {
                return consume(next);
            }
            if (buf[pos + next] == ' ' || buf[pos + next] == '\t') {
                scan = next + 1;
                continue;
            }
            return consume(next);
        }
    }

    private int[] consume(int length) {
        int start = pos;
        pos += length;
        return new int[] {start, pos};
    }

    /**
     * Reads more input, keeping the bytes from {@link #pos} on: they move to the front, and the buffer
     * grows when one line outgrows it.
     */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A growable byte array for one component. */
    private static final class Accumulator {
        byte[] bytes;
        int size;

        Accumulator(byte[] first) {
            bytes = Arrays.copyOf(first, Math.max(4096, first.length * 2));
            size = first.length;
        }

        int append(byte[] src, int from, int to) {
            int len = to - from;
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(src, from, bytes, size, len);
            int at = size;
            size += len;
            return at;
        }
    }
}
