package org.mms.ical;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the byte edits for one component: replace a property's value, replace a stretch inside a
 * TEXT value, delete a line, add a line. Edits touch only the bytes they must; replaced text is
 * folded to continue from where it starts, and added lines use the component's own line ending.
 * Edits that would write back exactly the bytes already there are dropped, so an up-to-date meeting
 * yields no edits at all.
 */
public final class ComponentEditor {

    private final Component component;
    private final byte[] buf;
    private final List<ByteEdit> edits = new ArrayList<>();

    public ComponentEditor(Component component) {
        this.component = component;
        this.buf = component.beginLine().buffer();
    }

    /** Replaces the whole value of {@code line} (parameters and name untouched) with {@code value}, written as is. */
    public void replaceValue(ContentLine line, String value) {
        int valueStart = line.rawOffset(line.head().valueOffset());
        byte[] folded = Folding.foldInto(line.columnAt(valueStart), value.getBytes(UTF_8), 0, lineEnding(line));
        add(new ByteEdit(valueStart, line.contentEnd(), folded));
    }

    /** Replaces the characters {@code [from, to)} of a TEXT value with {@code text}, escaped here. */
    public void replaceText(TextValue value, int from, int to, String text) {
        ContentLine line = value.line();
        int rawStart = value.rawOffset(from);
        int rawEnd = value.rawOffset(to);
        byte[] escaped = TextEscaping.escape(text).getBytes(UTF_8);
        byte[] folded = Folding.foldInto(line.columnAt(rawStart), escaped, line.restOfPhysicalLine(rawEnd), lineEnding(line));
        add(new ByteEdit(rawStart, rawEnd, folded));
    }

    /**
     * Replaces the bytes {@code [from, to)} of the unfolded {@code line} (any part of it: name,
     * parameters or value) with {@code replacement}, written as is; {@code from == to} inserts. The
     * replacement is folded to continue from where it starts, and the rest of the line keeps its bytes
     * and its folds.
     */
    public void replaceInLine(ContentLine line, int from, int to, String replacement) {
        int rawStart = line.rawOffset(from);
        int rawEnd = line.rawOffset(to);
        byte[] folded = Folding.foldInto(
                line.columnAt(rawStart), replacement.getBytes(UTF_8), line.restOfPhysicalLine(rawEnd), lineEnding(line));
        add(new ByteEdit(rawStart, rawEnd, folded));
    }

    public void deleteLine(ContentLine line) {
        add(ByteEdit.delete(line.start(), line.end()));
    }

    /** Adds a content line ({@code NAME;PARAMS:value}, written as is) after the component's last own property. */
    public void addLine(String content) {
        int at = insertionPoint();
        add(ByteEdit.insert(at, Folding.foldLine(content.getBytes(UTF_8), lineEnding(lastLine()))));
    }

    /** Adds a content line just before {@code line}. */
    public void addLineBefore(ContentLine line, String content) {
        add(ByteEdit.insert(line.start(), Folding.foldLine(content.getBytes(UTF_8), lineEnding(line))));
    }

    /** The edits that change something, in order. */
    public List<ByteEdit> edits() {
        return ByteEdits.sorted(edits);
    }

    /** The component's new bytes. */
    public byte[] apply() {
        return ByteEdits.apply(buf, component.start(), component.end(), edits);
    }

    private void add(ByteEdit edit) {
        boolean noOp = edit.end() - edit.start() == edit.replacement().length
                && Arrays.equals(buf, edit.start(), edit.end(), edit.replacement(), 0, edit.replacement().length);
        if (!noOp) {
            edits.add(edit);
        }
    }

    private int insertionPoint() {
        return lastLine().end();
    }

    private ContentLine lastLine() {
        List<ContentLine> props = component.properties();
        return props.isEmpty() ? component.beginLine() : props.getLast();
    }

    /** The line ending a line uses; for a last line without one, the ending its folds use, else CRLF. */
    static byte[] lineEnding(ContentLine line) {
        byte[] own = line.lineEnding();
        if (own.length > 0) {
            return own;
        }
        return line.usesBareLf() ? new byte[] {'\n'} : new byte[] {'\r', '\n'};
    }
}
