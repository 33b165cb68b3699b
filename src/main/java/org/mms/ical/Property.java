package org.mms.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A content line read for its meaning: name, parameters and value, the value still escaped as it
 * is in the file. A read-only view: edits are made on the raw bytes, never by writing this back.
 *
 * @param name        upper-case property name
 * @param parameters  parameters in file order
 * @param value       the value as written (TEXT escapes not undone)
 * @param valueOffset byte offset of the value's first byte in the unfolded line
 */
public record Property(String name, List<Parameter> parameters, String value, int valueOffset) {

    /** A parameter with its values, quotes removed. */
    public record Parameter(String name, List<String> values) {
        public Parameter {
            values = List.copyOf(values);
        }

        public String value() {
            return String.join(",", values);
        }
    }

    /**
     * A content line's name and parameters, and where its value starts: all a reader needs to pick a
     * line by its parameters (an X-ALT-DESC's FMTTYPE, a TZID) without decoding a value that may be
     * kilobytes of HTML.
     */
    public record Head(String name, List<Parameter> parameters, int valueOffset) {
        public Head {
            parameters = List.copyOf(parameters);
        }

        /** The first value of the named parameter (case-insensitive name), if present. */
        public Optional<String> parameter(String paramName) {
            return first(parameters, paramName);
        }
    }

    public Property {
        parameters = List.copyOf(parameters);
    }

    /** The first value of the named parameter (case-insensitive name), if present. */
    public Optional<String> parameter(String paramName) {
        return first(parameters, paramName);
    }

    private static Optional<String> first(List<Parameter> parameters, String paramName) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(paramName)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** Parses an unfolded content line (no line ending). */
    public static Property parse(byte[] line) {
        Head head = parseHead(line);
        int valueOffset = head.valueOffset();
        String value = new String(line, valueOffset, line.length - valueOffset, StandardCharsets.UTF_8);
        return new Property(head.name(), head.parameters(), value, valueOffset);
    }

    /** Parses the name and parameters of an unfolded content line (no line ending), leaving the value undecoded. */
    public static Head parseHead(byte[] line) {
        return parseHead(line, 0, line.length);
    }

    /**
     * As {@link #parseHead(byte[])} for the unfolded line {@code buf[from, to)}, read in place; the
     * value offset counts from {@code from}.
     */
    static Head parseHead(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] != ':' && buf[i] != ';') {
            i++;
        }
        String name = upperAscii(buf, from, i);
        if (name.isEmpty()) {
            throw new IcalFormatException("content line without a property name: " + preview(buf, from, to));
        }
        List<Parameter> params = new ArrayList<>(2);
        while (i < to && buf[i] == ';') {
            int nameStart = ++i;
            while (i < to && buf[i] != '=' && buf[i] != ':' && buf[i] != ';') {
                i++;
            }
            String paramName = upperAscii(buf, nameStart, i);
            List<String> values = new ArrayList<>(1);
            if (i < to && buf[i] == '=') {
                do {
                    i++;
                    if (i < to && buf[i] == '"') {
                        int q = ContentLine.indexOf(buf, (byte) '"', i + 1, to);
                        if (q < 0) {
                            throw new IcalFormatException("unterminated quoted parameter value in " + name + ": " + preview(buf, from, to));
                        }
                        values.add(new String(buf, i + 1, q - i - 1, StandardCharsets.UTF_8));
                        i = q + 1;
                    } else {
                        int valueStart = i;
                        while (i < to && buf[i] != ',' && buf[i] != ';' && buf[i] != ':') {
                            i++;
                        }
                        values.add(new String(buf, valueStart, i - valueStart, StandardCharsets.UTF_8));
                    }
                } while (i < to && buf[i] == ',');
            }
            params.add(new Parameter(paramName, values));
        }
        if (i >= to || buf[i] != ':') {
            throw new IcalFormatException("content line without ':' before its value: " + preview(buf, from, to));
        }
        return new Head(name, params, i + 1 - from);
    }

    /** The upper-case name of an unfolded content line. */
    static String nameOf(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] != ':' && line[i] != ';') {
            i++;
        }
        return upperAscii(line, 0, i);
    }

    static String upperAscii(byte[] buf, int from, int to) {
        char[] chars = new char[to - from];
        for (int k = from; k < to; k++) {
            int c = buf[k] & 0xff;
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            chars[k - from] = (char) c;
        }
        return new String(chars);
    }

    private static String preview(byte[] buf, int from, int to) {
        String s = new String(buf, from, Math.min(to - from, 120), StandardCharsets.UTF_8);
        return to - from > 120 ? s + "..." : s;
    }
}
