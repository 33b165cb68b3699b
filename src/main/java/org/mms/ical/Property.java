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

    public Property {
        parameters = List.copyOf(parameters);
    }

    /** The first value of the named parameter (case-insensitive name), if present. */
    public Optional<String> parameter(String paramName) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(paramName)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** Parses an unfolded content line (no line ending). */
    public static Property parse(byte[] line) {
        int i = 0;
        int n = line.length;
        while (i < n && line[i] != ':' && line[i] != ';') {
            i++;
        }
        String name = upperAscii(line, 0, i);
        if (name.isEmpty()) {
            throw new IcalFormatException("content line without a property name: " + preview(line));
        }
        List<Parameter> params = new ArrayList<>(2);
        while (i < n && line[i] == ';') {
            int nameStart = ++i;
            while (i < n && line[i] != '=' && line[i] != ':' && line[i] != ';') {
                i++;
            }
            String paramName = upperAscii(line, nameStart, i);
            List<String> values = new ArrayList<>(1);
            if (i < n && line[i] == '=') {
                do {
                    i++;
                    if (i < n && line[i] == '"') {
                        int q = ContentLine.indexOf(line, (byte) '"', i + 1, n);
                        if (q < 0) {
                            throw new IcalFormatException("unterminated quoted parameter value in " + name + ": " + preview(line));
                        }
                        values.add(new String(line, i + 1, q - i - 1, StandardCharsets.UTF_8));
                        i = q + 1;
                    } else {
                        int valueStart = i;
                        while (i < n && line[i] != ',' && line[i] != ';' && line[i] != ':') {
                            i++;
                        }
                        values.add(new String(line, valueStart, i - valueStart, StandardCharsets.UTF_8));
                    }
                } while (i < n && line[i] == ',');
            }
            params.add(new Parameter(paramName, values));
        }
        if (i >= n || line[i] != ':') {
            throw new IcalFormatException("content line without ':' before its value: " + preview(line));
        }
        int valueOffset = i + 1;
        String value = new String(line, valueOffset, n - valueOffset, StandardCharsets.UTF_8);
        return new Property(name, params, value, valueOffset);
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

    private static String preview(byte[] line) {
        String s = new String(line, 0, Math.min(line.length, 120), StandardCharsets.UTF_8);
        return line.length > 120 ? s + "..." : s;
    }
}
