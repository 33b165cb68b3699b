package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Finds the online-meeting block in an HTML body with jsoup's source positions: the two fence
 * elements (the outermost elements whose whole text is the fence), which must be siblings, and
 * everything between them. Offsets are those of the original string, so the caller splices that
 * string and nothing else is ever re-serialised.
 */
public final class FindHtmlBlock {

    /** What the search found: a block ready to be replaced, no block, or a refusal with its reason. */
    public sealed interface Result {
    }

    public record Found(HtmlBlock block) implements Result {
    }

    public record Absent() implements Result {
    }

    public record Refused(BlockProblem problem, String detail) implements Result {
    }

    private FindHtmlBlock() {
    }

    public static Result in(String html, Optional<String> ownJoinLink) {
        if (!Fence.mayContainFence(html)) {
            return new Absent();
        }
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
        return in(html, doc, ownJoinLink);
    }

    static Result in(String html, Document doc, Optional<String> ownJoinLink) {
        List<FenceNode> teams = new ArrayList<>();
        List<FenceNode> skype = new ArrayList<>();
        for (TextNode text : doc.body() == null ? List.<TextNode>of() : textNodes(doc)) {
            Optional<Fence> fence = Fence.of(text.getWholeText());
            if (fence.isEmpty()) {
                continue;
            }
            Node outer = outermostFenceNode(text, fence.get());
            (fence.get() == Fence.TEAMS ? teams : skype).add(new FenceNode(outer, fence.get()));
        }
        List<PickBlock.Candidate> candidates = new ArrayList<>();
        List<HtmlBlock> blocks = new ArrayList<>();
        for (Fence fence : Fence.values()) {
            List<FenceNode> fences = fence == Fence.TEAMS ? teams : skype;
            if (fences.size() % 2 != 0) {
                return new Refused(BlockProblem.END_FENCE_MISSING, "the HTML body has " + fences.size() + " "
                        + fence.type() + " fence(s); one has no partner, so where the block ends is unknown");
            }
            for (int i = 0; i < fences.size(); i += 2) {
                Node open = fences.get(i).node();
                Node close = fences.get(i + 1).node();
                if (open.parent() != close.parent()) {
                    return new Refused(BlockProblem.HTML_UNSAFE, "the HTML block's opening fence <" + describe(open)
                            + "> and closing fence <" + describe(close) + "> are not siblings, so its extent is unclear");
                }
                Range openRange = open.sourceRange();
                Range closeRange = close instanceof Element e ? e.endSourceRange() : close.sourceRange();
                if (!openRange.isTracked() || !closeRange.isTracked() || closeRange.isImplicit()) {
                    return new Refused(BlockProblem.HTML_UNSAFE, "the HTML block's closing fence <" + describe(close)
                            + "> has no explicit end tag, so where the block ends is unclear");
                }
                HtmlBlock block = new HtmlBlock(html, doc, new BlockSpan(openRange.startPos(), closeRange.endPos(), fence.type()),
                        open.parent(), open.siblingIndex(), close.siblingIndex());
                candidates.add(new PickBlock.Candidate(block.span(), block.links()));
                blocks.add(block);
            }
        }
        // Only fenced stretches that hold a link count as blocks, as in plain text.
        List<PickBlock.Candidate> withLinks = new ArrayList<>();
        List<HtmlBlock> blocksWithLinks = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!candidates.get(i).links().isEmpty()) {
                withLinks.add(candidates.get(i));
                blocksWithLinks.add(blocks.get(i));
            }
        }
        Location picked = PickBlock.among(withLinks, ownJoinLink);
        return switch (picked) {
            case Location.Absent absent -> new Absent();
            case Location.Refused refused -> new Refused(refused.problem(), refused.detail().replace("blocks", "HTML blocks"));
            case Location.Found found -> new Found(blocksWithLinks.get(withLinks.indexOf(
                    withLinks.stream().filter(c -> c.span().equals(found.span())).findFirst().orElseThrow())));
        };
    }

    private record FenceNode(Node node, Fence fence) {
    }

    private static List<TextNode> textNodes(Document doc) {
        List<TextNode> found = new ArrayList<>();
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                found.add(t);
            }
        });
        return found;
    }

    /**
     * The outermost node that holds nothing but the fence: the text node itself, or the element
     * around it, climbing while the parent still shows only the fence (never to body).
     */
    private static Node outermostFenceNode(TextNode text, Fence fence) {
        Node outer = text;
        Element parent = text.parent() instanceof Element e ? e : null;
        while (parent != null && !isRoot(parent) && Fence.of(parent.wholeText()).filter(f -> f == fence).isPresent()) {
            outer = parent;
            parent = parent.parent();
        }
        return outer;
    }

    private static boolean isRoot(Element e) {
        String name = e.normalName();
        return e instanceof Document || name.equals("body") || name.equals("html") || name.equals("#root");
    }

    static String describe(Node node) {
        return node instanceof Element e ? e.normalName() : node.nodeName();
    }
}
