package org.mms.block;

import java.util.Optional;

/**
 * The rule lines that open and close a block. Both services draw them the same way in every
 * language, which is why blocks are recognized by them and never by their (localized) labels:
 * Teams uses 80 underscores, Skype for Business 137 dots (as do consumer Teams and Outlook.com for Teams blocks,
 * so a fence finds a block but is only the last clue to its meeting's type). Some tolerance is allowed for a fence
 * on one line, for clients that redraw it, but far above Outlook's 32-underscore reply separator and Teams'
 * 32-underscore sub-delimiter. A fence wrapped over several lines must add up to the exact length.
 */
enum Fence {
    TEAMS('_', 80, 60, 200, MeetingType.TEAMS),
    SKYPE('.', 137, 100, 300, MeetingType.SKYPE);

    private final char mark;
    private final int length;
    private final int min;
    private final int max;
    private final MeetingType type;

    Fence(char mark, int length, int min, int max, MeetingType type) {
        this.mark = mark;
        this.length = length;
        this.min = min;
        this.max = max;
        this.type = type;
    }

    MeetingType type() {
        return type;
    }

    char mark() {
        return mark;
    }

    /** How many marks the service draws: what the pieces of a wrapped fence must add up to. */
    int length() {
        return length;
    }

    /** The fence as the service draws it, on one line. */
    String line() {
        return String.valueOf(mark).repeat(length);
    }

    /** The fence whose mark is {@code c}, if any. */
    static Optional<Fence> markedBy(char c) {
        for (Fence fence : values()) {
            if (fence.mark == c) {
                return Optional.of(fence);
            }
        }
        return Optional.empty();
    }

    /** The fence that {@code s[from, to)} is, ignoring surrounding white space (no-break spaces too). */
    static Optional<Fence> of(CharSequence s, int from, int to) {
        from = marksStart(s, from, to);
        to = marksEnd(s, from, to);
        int length = to - from;
        if (length == 0) {
            return Optional.empty();
        }
        char c = s.charAt(from);
        for (Fence fence : values()) {
            if (c == fence.mark && fence.standsAlone(length) && allSame(s, from, to, c)) {
                return Optional.of(fence);
            }
        }
        return Optional.empty();
    }

    /** Whether a run of this many marks is this fence when it stands whole on a line (or in an element) of its own. */
    boolean standsAlone(int marks) {
        return marks >= min && marks <= max;
    }

    /** Where the marks of {@code s[from, to)} begin: after any white space in front of them. */
    static int marksStart(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Where the marks of {@code s[from, to)} end: before any white space after them. */
    static int marksEnd(CharSequence s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    static Optional<Fence> of(CharSequence s) {
        return of(s, 0, s.length());
    }

    /** Whether {@code s} contains a run long enough to be a fence: a cheap test before parsing HTML. */
    static boolean mayContainFence(String s) {
        for (Fence fence : values()) {
            if (s.contains(String.valueOf(fence.mark).repeat(fence.min))) {
                return true;
            }
        }
        return false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00a0' || c == '\f';
    }

    static boolean allSame(CharSequence s, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
