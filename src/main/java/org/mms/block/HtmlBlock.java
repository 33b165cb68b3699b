package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A located HTML block: the sibling nodes from the opening to the closing fence, and their span in
 * the original HTML string. Replacing it splices that string, then parses the result again and checks
 * that the document outside the block is exactly what it was; if not, it refuses. It remembers its
 * last replacement, so it belongs to one thread.
 */
public final class HtmlBlock {

    /** The outcome of a replacement. */
    public sealed interface Replacement {
    }

    /** The new HTML, and where the new block lies in it. */
    public record Replaced(String html, BlockSpan newSpan) implements Replacement {
    }

    public record Refused(BlockProblem problem, String detail) implements Replacement {
    }

    private final String html;
    private final Document doc;
    private final BlockSpan span;
    private final Node parent;
    private final int firstChild;
    private final int lastChild;
    /** The last replacement and what it replaced with: components of one meeting often share a body. */
    private String lastNewBlock;
    private Replacement lastReplacement;

    HtmlBlock(String html, Document doc, BlockSpan span, Node parent, int firstChild, int lastChild) {
        this.html = html;
        this.doc = doc;
        this.span = span;
        this.parent = parent;
        this.firstChild = firstChild;
        this.lastChild = lastChild;
    }

    public BlockSpan span() {
        return span;
    }

    /** The block's visible text, one line per block-level element or line break. */
    public String visibleText() {
        StringBuilder sb = new StringBuilder();
        for (int i = firstChild; i <= lastChild; i++) {
            appendText(parent.childNode(i), sb);
        }
        return sb.toString();
    }

    /** Links in the block: every href, and links written out in its text. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        for (int i = firstChild; i <= lastChild; i++) {
            parent.childNode(i).traverse((node, depth) -> {
                if (node instanceof Element e && e.hasAttr("href")) {
                    String href = e.attr("href");
                    if (href.regionMatches(true, 0, "http", 0, 4)) {
                        links.add(href);
                    }
                } else if (node instanceof TextNode t) {
                    links.addAll(Links.in(t.getWholeText()));
                }
            });
        }
        return links;
    }

    /**
     * Splices {@code newBlockHtml} in place of the block, then checks the result: it must parse to
     * the same document outside the block, and the new block must be found exactly where it was put.
     */
    public Replacement replaceWith(String newBlockHtml) {
        if (newBlockHtml.equals(lastNewBlock)) {
            return lastReplacement;
        }
        lastReplacement = checkedReplacement(newBlockHtml);
        lastNewBlock = newBlockHtml;
        return lastReplacement;
    }

    private Replacement checkedReplacement(String newBlockHtml) {
        String spliced = html.substring(0, span.start()) + newBlockHtml + html.substring(span.end());
        int expectedEnd = span.start() + newBlockHtml.length();
        Document after = Parser.htmlParser().setTrackPosition(true).parseInput(spliced, "");
        FindHtmlBlock.Result again = FindHtmlBlock.in(spliced, after, Optional.empty());
        if (!(again instanceof FindHtmlBlock.Found(HtmlBlock newBlock))
                || newBlock.span.start() != span.start() || newBlock.span.end() != expectedEnd) {
            return new Refused(BlockProblem.HTML_UNSAFE,
                    "after replacing, the new HTML block is not found where it was put (" + again + ")");
        }
        String before = HtmlOutline.of(doc, parent, firstChild, lastChild);
        String now = HtmlOutline.of(after, newBlock.parent, newBlock.firstChild, newBlock.lastChild);
        if (!before.equals(now)) {
            return new Refused(BlockProblem.HTML_UNSAFE,
                    "replacing the HTML block would change the document around it: " + HtmlOutline.firstDifference(before, now));
        }
        return new Replaced(spliced, newBlock.span);
    }

    static void appendText(Node node, StringBuilder sb) {
        if (node instanceof TextNode t) {
            sb.append(t.text());
        } else if (node instanceof Element e) {
            boolean block = e.isBlock() || e.normalName().equals("br");
            if (block && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            for (Node child : e.childNodes()) {
                appendText(child, sb);
            }
            if (block && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }
    }

    @Override
    public String toString() {
        return "HtmlBlock" + span;
    }
}
