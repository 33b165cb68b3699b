package org.mms.block;

import java.util.List;

/** Joins the lines of a plain-text block, after making sure no value forged a second fence inside it. */
final class TextLines {

    private TextLines() {
    }

    /**
     * The lines joined by {@code \n}. The first and last line are the fence; a fence anywhere else would make
     * recognizers cut the block short, so it is refused rather than written.
     */
    static String join(String fence, List<String> lines) {
        for (int i = 1; i < lines.size() - 1; i++) {
            if (lines.get(i).equals(fence)) {
                throw new IllegalArgumentException("a value renders as a fence line inside the block: line " + (i + 1));
            }
        }
        return String.join("\n", lines);
    }
}
