package org.mms.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private static boolean allowed(Component event, ByteEdit edit, int[] textBlock, int[] htmlBlock) {
        if (within(edit, textBlock) || within(edit, htmlBlock)) {
            return true;
        }
        if (edit.start() == edit.end()) {
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
