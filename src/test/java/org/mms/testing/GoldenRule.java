package org.mms.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mms.block.BlockSpan;
import org.mms.block.FindHtmlBlock;
import org.mms.block.FindTextBlock;
import org.mms.block.Location;
import org.mms.ical.ByteEdit;
import org.mms.ical.ByteEdits;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.TextValue;

/**
 * The preservation check every migrated meeting must pass, computed independently of the engine:
 * <ol>
 *   <li>the input minus the edited ranges equals the output minus the new ranges, byte for byte;</li>
 *   <li>every edit lies where an edit may be: inside the online-meeting block of DESCRIPTION or
 *       X-ALT-DESC (as located in the input), on a line of the meeting's online-meeting properties
 *       or its SEQUENCE / DTSTAMP / LAST-MODIFIED, or adds whole lines of those properties;</li>
 *   <li>the bodies outside their blocks read the same before and after (unescaped text).</li>
 * </ol>
 */
public final class GoldenRule {

    /** Lines MMS may rewrite, add or remove along with the block. */
    public static final Set<String> MEETING_PROPERTIES = Set.of("SEQUENCE", "DTSTAMP", "LAST-MODIFIED",
            "X-MICROSOFT-CDO-APPT-SEQUENCE", "LOCATION", "CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
            "X-MICROSOFT-SKYPETEAMSPROPERTIES", "X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL",
            "X-MICROSOFT-SCHEDULINGSERVICEMEETINGOPTIONSURL", "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
            "X-MICROSOFT-ONLINEMEETINGINTERNALLINK", "X-MICROSOFT-ONLINEMEETINGCONFLINK", "X-MICROSOFT-ONLINEMEETINGINFORMATION",
            "X-MICROSOFT-ONLINEMEETINGTOLLNUMBER", "X-MICROSOFT-ONLINEMEETINGCONFERENCEID", "X-MICROSOFT-CONFERENCETELURI");

    private GoldenRule() {
    }

    public static void check(byte[] before, byte[] after, List<ByteEdit> edits) {
        List<ByteEdit> sorted = ByteEdits.sorted(edits);
        assertThat(ByteEdits.apply(before, 0, before.length, sorted)).as("edits applied to the input give the output").isEqualTo(after);
        assertThat(withoutEditedRanges(before, sorted)).as("input minus edited ranges == output minus new ranges")
                .isEqualTo(withoutNewRanges(after, sorted));

        Component event = Component.parse(before);
        int[] textBlock = rawBlockRange(event, "DESCRIPTION");
        int[] htmlBlock = rawBlockRange(event, "X-ALT-DESC");
        for (ByteEdit edit : sorted) {
            assertThat(allowed(event, edit, textBlock, htmlBlock))
                    .as("edit [%d, %d) -> \"%s\" lies in the block or on a meeting property line", edit.start(), edit.end(),
                            new String(edit.replacement(), UTF_8))
                    .isTrue();
        }
        assertBodyOutsideBlockUnchanged(before, after, "DESCRIPTION");
        assertBodyOutsideBlockUnchanged(before, after, "X-ALT-DESC");
    }

    /**
     * The same rule for two versions of a stored resource when the edits are not at hand (the service
     * wrote it): every component but the changed VEVENTs is byte-identical; in a changed VEVENT every
     * line other than the bodies and the meeting's online-meeting properties is byte-identical and in
     * the same order, nested components too, and each body keeps its raw bytes before and after the
     * block.
     */
    public static void checkResource(byte[] before, byte[] after) {
        List<byte[]> a = items(before);
        List<byte[]> b = items(after);
        assertThat(b).as("same components").hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            if (java.util.Arrays.equals(a.get(i), b.get(i))) {
                continue;
            }
            Component old = Component.parse(a.get(i));
            Component now = Component.parse(b.get(i));
            assertThat(old.name()).isEqualTo("VEVENT");
            assertThat(kept(now)).as("lines outside the block and its properties").isEqualTo(kept(old));
            assertThat(now.children().stream().map(GoldenRule::raw).toList())
                    .as("nested components").isEqualTo(old.children().stream().map(GoldenRule::raw).toList());
            for (String body : List.of("DESCRIPTION", "X-ALT-DESC")) {
                assertRawAroundBlock(old, now, body);
            }
            assertBodyOutsideBlockUnchanged(a.get(i), b.get(i), "DESCRIPTION");
            assertBodyOutsideBlockUnchanged(a.get(i), b.get(i), "X-ALT-DESC");
        }
    }

    /**
     * The rule as seen through a server that re-serializes what it stores: {@code before} and
     * {@code after} are that server's renderings of a resource before and after the service wrote it.
     * Folds and escapes are the server's, so lines are compared in {@code form} (unfolded, as
     * {@link CalendarContent} puts them) instead of raw; the components, every line other than the
     * bodies and the meeting's online-meeting properties, and each body's text outside its block must
     * be the same.
     */
    public static void checkRendering(byte[] before, byte[] after, Function<ContentLine, String> form) {
        List<byte[]> a = items(before);
        List<byte[]> b = items(after);
        assertThat(b).as("same components").hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            if (java.util.Arrays.equals(a.get(i), b.get(i))) {
                continue;
            }
            Component old = Component.parse(a.get(i));
            Component now = Component.parse(b.get(i));
            assertThat(now.name()).isEqualTo(old.name());
            assertThat(old.name()).as("only meetings change").isEqualTo("VEVENT");
            assertThat(keptLines(now, form)).as("lines outside the block and its properties").isEqualTo(keptLines(old, form));
            assertThat(now.children().stream().map(c -> CalendarContent.of(rawBytes(c), form)).toList())
                    .as("nested components").isEqualTo(old.children().stream().map(c -> CalendarContent.of(rawBytes(c), form)).toList());
            assertBodyOutsideBlockUnchanged(a.get(i), b.get(i), "DESCRIPTION");
            assertBodyOutsideBlockUnchanged(a.get(i), b.get(i), "X-ALT-DESC");
        }
    }

    private static List<String> keptLines(Component event, Function<ContentLine, String> form) {
        return event.properties().stream()
                .filter(l -> !MEETING_PROPERTIES.contains(l.name()) && !l.name().equals("DESCRIPTION") && !l.name().equals("X-ALT-DESC"))
                .map(form).toList();
    }

    private static byte[] rawBytes(Component c) {
        return java.util.Arrays.copyOfRange(c.beginLine().buffer(), c.start(), c.end());
    }

    private static List<String> kept(Component event) {
        return event.properties().stream()
                .filter(l -> !MEETING_PROPERTIES.contains(l.name()) && !l.name().equals("DESCRIPTION") && !l.name().equals("X-ALT-DESC"))
                .map(l -> new String(l.buffer(), l.start(), l.end() - l.start(), UTF_8)).toList();
    }

    private static String raw(Component c) {
        byte[] buf = c.beginLine().buffer();
        return new String(buf, c.start(), c.end() - c.start(), UTF_8);
    }

    private static void assertRawAroundBlock(Component old, Component now, String name) {
        Optional<TextValue> a = body(old, name);
        Optional<TextValue> b = body(now, name);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        Optional<BlockSpan> sa = span(a.get().text(), name);
        Optional<BlockSpan> sb = span(b.get().text(), name);
        if (sa.isEmpty() || sb.isEmpty()) {
            return;
        }
        ContentLine la = a.get().line();
        ContentLine lb = b.get().line();
        byte[] prefixA = java.util.Arrays.copyOfRange(la.buffer(), la.start(), a.get().rawOffset(sa.get().start()));
        byte[] prefixB = java.util.Arrays.copyOfRange(lb.buffer(), lb.start(), b.get().rawOffset(sb.get().start()));
        byte[] suffixA = java.util.Arrays.copyOfRange(la.buffer(), a.get().rawOffset(sa.get().end()), la.end());
        byte[] suffixB = java.util.Arrays.copyOfRange(lb.buffer(), b.get().rawOffset(sb.get().end()), lb.end());
        assertThat(prefixB).as(name + " raw bytes before the block").isEqualTo(prefixA);
        assertThat(suffixB).as(name + " raw bytes after the block").isEqualTo(suffixA);
    }

    /** The raw bytes of each item (calendar lines, components, blank runs) of a calendar, in order. */
    public static List<byte[]> items(byte[] calendar) {
        org.mms.ical.CalendarReader reader = new org.mms.ical.CalendarReader(new java.io.ByteArrayInputStream(calendar));
        List<byte[]> items = new java.util.ArrayList<>();
        for (org.mms.ical.CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            items.add(item.bytes());
        }
        return items;
    }

    private static boolean allowed(Component event, ByteEdit edit, int[] textBlock, int[] htmlBlock) {
        if (within(edit, textBlock) || within(edit, htmlBlock)) {
            return true;
        }
        if (edit.start() == edit.end()) {
            // Inside a meeting property's line (a value added to an empty DTSTAMP:), not between lines.
            for (ContentLine line : event.properties()) {
                if (edit.start() > line.start() && edit.start() < line.end()) {
                    return MEETING_PROPERTIES.contains(line.name()) && !new String(edit.replacement(), UTF_8).contains("\n");
                }
            }
            boolean atLineStart = event.properties().stream().anyMatch(l -> l.start() == edit.start() || l.end() == edit.start())
                    || event.endLine().start() == edit.start();
            return atLineStart && ContentLines.scan(edit.replacement()).stream().allMatch(l -> MEETING_PROPERTIES.contains(l.name()));
        }
        for (ContentLine line : event.properties()) {
            if (edit.start() >= line.start() && edit.end() <= line.end()) {
                return MEETING_PROPERTIES.contains(line.name());
            }
        }
        return false;
    }

    private static boolean within(ByteEdit edit, int[] range) {
        return range != null && edit.start() >= range[0] && edit.end() <= range[1];
    }

    /** The raw byte range of the block in the named body, as found in the input. */
    private static int[] rawBlockRange(Component event, String name) {
        Optional<TextValue> body = body(event, name);
        if (body.isEmpty()) {
            return null;
        }
        Optional<BlockSpan> span = span(body.get().text(), name);
        return span.map(s -> new int[] {body.get().rawOffset(s.start()), body.get().rawOffset(s.end())}).orElse(null);
    }

    private static void assertBodyOutsideBlockUnchanged(byte[] before, byte[] after, String name) {
        Optional<TextValue> old = body(Component.parse(before), name);
        Optional<TextValue> now = body(Component.parse(after), name);
        assertThat(now.isPresent()).as(name + " still there").isEqualTo(old.isPresent());
        if (old.isEmpty()) {
            return;
        }
        Optional<BlockSpan> oldSpan = span(old.get().text(), name);
        Optional<BlockSpan> newSpan = span(now.get().text(), name);
        if (oldSpan.isEmpty()) {
            assertThat(now.get().text()).isEqualTo(old.get().text());
            return;
        }
        assertThat(newSpan).as("the new %s block is found again", name).isPresent();
        String o = old.get().text();
        String n = now.get().text();
        assertThat(n.substring(0, newSpan.get().start())).as(name + " before the block").isEqualTo(o.substring(0, oldSpan.get().start()));
        assertThat(n.substring(newSpan.get().end())).as(name + " after the block").isEqualTo(o.substring(oldSpan.get().end()));
    }

    private static Optional<BlockSpan> span(String text, String name) {
        if (name.equals("DESCRIPTION")) {
            return FindTextBlock.in(text, Optional.empty()) instanceof Location.Found(BlockSpan s) ? Optional.of(s) : Optional.empty();
        }
        return FindHtmlBlock.in(text, Optional.empty()) instanceof FindHtmlBlock.Found(var block)
                ? Optional.of(block.span()) : Optional.empty();
    }

    private static Optional<TextValue> body(Component event, String name) {
        for (ContentLine line : event.all(name)) {
            if (name.equals("DESCRIPTION") || line.property().parameter("FMTTYPE").filter("text/html"::equalsIgnoreCase).isPresent()) {
                return Optional.of(TextValue.of(line, line.property().valueOffset()));
            }
        }
        return Optional.empty();
    }

    private static byte[] withoutEditedRanges(byte[] before, List<ByteEdit> edits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        for (ByteEdit e : edits) {
            out.write(before, pos, e.start() - pos);
            pos = e.end();
        }
        out.write(before, pos, before.length - pos);
        return out.toByteArray();
    }

    private static byte[] withoutNewRanges(byte[] after, List<ByteEdit> edits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int shift = 0;
        int pos = 0;
        for (ByteEdit e : edits) {
            int newStart = e.start() + shift;
            out.write(after, pos, newStart - pos);
            pos = newStart + e.replacement().length;
            shift += e.replacement().length - (e.end() - e.start());
        }
        out.write(after, pos, after.length - pos);
        return out.toByteArray();
    }
}
