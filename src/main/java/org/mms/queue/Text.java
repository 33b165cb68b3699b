package org.mms.queue;

/** Free text going into bounded columns. */
final class Text {

    private Text() {
    }

    /** {@code text} cut to at most {@code max} characters, ending with an ellipsis when cut, never inside a surrogate pair. */
    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
