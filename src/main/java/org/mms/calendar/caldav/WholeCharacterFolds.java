package org.mms.calendar.caldav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.Folding;

/**
 * Moves folds that split a UTF-8 sequence to a character boundary before the bytes go to a server.
 *
 * <p>Outlook folds at 75 octets wherever that falls, inside a multi-byte character too, which RFC 5545
 * §3.1 tolerates: unfolding restores the sequence. Radicale, however, decodes the whole request body
 * before unfolding it, and when that fails as UTF-8 it falls back to ISO-8859-1 without a word, so
 * every non-ASCII character of the resource is stored as mojibake ("Ü" becomes "Ã\u009c").
 *
 * <p>Only lines whose raw bytes are not UTF-8 but whose unfolded content is are refolded; the
 * unfolded content, which is all a server keeps, stays exactly the same, and every other line is
 * copied byte for byte. Bytes that are not UTF-8 even unfolded are left as they are.
 */
final class WholeCharacterFolds {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LF = {'\n'};

    private WholeCharacterFolds() {
    }

    static byte[] of(byte[] data) {
        if (isUtf8(data, 0, data.length)) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        for (ContentLine line : ContentLines.scan(data)) {
            if (line.isFolded() && !isUtf8(data, line.start(), line.end()) && isUtf8(line.unfolded())) {
                out.writeBytes(refold(line));
            } else {
                out.write(data, line.start(), line.end() - line.start());
            }
        }
        return out.toByteArray();
    }

    private static byte[] refold(ContentLine line) {
        byte[] ending = line.lineEnding();
        if (ending.length > 0) {
            return Folding.foldLine(line.unfolded(), ending);
        }
        // The last line without a line ending: fold with the ending its folds use, and add none.
        byte[] foldEnding = line.usesBareLf() ? LF : CRLF;
        byte[] folded = Folding.foldLine(line.unfolded(), foldEnding);
        return Arrays.copyOf(folded, folded.length - foldEnding.length);
    }

    private static boolean isUtf8(byte[] bytes) {
        return isUtf8(bytes, 0, bytes.length);
    }

    private static boolean isUtf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
