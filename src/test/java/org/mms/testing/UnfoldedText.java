package org.mms.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;

/** A calendar's text as a person reads it, for assertions that look for words whatever the folding. */
public final class UnfoldedText {

    private UnfoldedText() {
    }

    /**
     * The calendar's text with folds undone (in bytes first: a fold may split a UTF-8 sequence) and the TEXT
     * escapes of commas and semicolons read back.
     */
    public static String of(byte[] calendar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(calendar.length);
        for (int i = 0; i < calendar.length; i++) {
            if (calendar[i] == '\r' && i + 2 < calendar.length && calendar[i + 1] == '\n' && calendar[i + 2] == ' ') {
                i += 2;
            } else {
                out.write(calendar[i]);
            }
        }
        return out.toString(UTF_8).replace("\\,", ",").replace("\\;", ";");
    }
}
