package org.mms.block;

/**
 * Where a block lies in a body, as character offsets {@code [start, end)} of the unescaped body text
 * (for HTML, of the HTML source): from the first character of the opening fence to the last of the
 * closing one. {@code fenceType} is the meeting type its fences are drawn for, which is only the last clue to
 * the meeting's own type: consumer Teams and Outlook.com fence Teams blocks with Skype's 137 dots.
 */
public record BlockSpan(int start, int end, MeetingType fenceType) {

    public BlockSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad block span [" + start + ", " + end + ")");
        }
    }

    public String of(String body) {
        return body.substring(start, end);
    }
}
