package org.mms.block;

import java.util.regex.Pattern;

/**
 * How values are written inside a block: digit groups as Teams shows them, and free text (places, number
 * displays) kept on one line, because a line break inside a value would break the block's line structure and
 * could even forge a fence line.
 */
final class DisplayText {

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private DisplayText() {
    }

    /** Digits in groups of three from the left, as Teams writes IDs: {@code 35513264004} is {@code 355 132 640 04}. */
    static String groupsOfThree(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** The value with every run of control characters and line separators turned into one space, stripped. */
    static String oneLine(String value) {
        return LINE_BREAKING.matcher(value).replaceAll(" ").strip();
    }
}
