package org.mms.ical;

import java.util.Objects;

/**
 * Replace {@code source[start, end)} with {@code replacement}. An insertion has {@code start == end}.
 * Offsets are into the bytes the edit was planned on.
 */
public record ByteEdit(int start, int end, byte[] replacement) {

    public ByteEdit {
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    public static ByteEdit insert(int at, byte[] bytes) {
        return new ByteEdit(at, at, bytes);
    }

    public static ByteEdit delete(int start, int end) {
        return new ByteEdit(start, end, new byte[0]);
    }
}
