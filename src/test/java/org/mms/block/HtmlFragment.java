package org.mms.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** A rendered HTML fragment parsed the way the splicer will see it: inside a body, with source positions. */
final class HtmlFragment {

    static final String BEFORE = "<!DOCTYPE html><html><head><title>t</title></head><body>";
    static final String AFTER = "</body></html>";

    private static final Set<String> BLOCK_ELEMENTS = Set.of("div", "p");

    final Document document;
    final List<ParseError> errors;

    private HtmlFragment(Document document, List<ParseError> errors) {
        this.document = document;
        this.errors = errors;
    }

    static HtmlFragment parse(String fragment) {
        Parser parser = Parser.htmlParser().setTrackPosition(true).setTrackErrors(100);
        Document document = parser.parseInput(BEFORE + fragment + AFTER, "");
        return new HtmlFragment(document, List.copyOf(parser.getErrors()));
    }

    Element body() {
        return document.body();
    }

    /** Where the fragment starts in the parsed input, for comparing source positions. */
    int fragmentStart() {
        return BEFORE.length();
    }

    /**
     * The text a reader sees, line by line: a line ends at every {@code <br>} and at the start and end of every
     * div or paragraph; whitespace runs count as one space, and empty lines are dropped.
     */
    List<String> visibleLines() {
        List<StringBuilder> lines = new ArrayList<>();
        lines.add(new StringBuilder());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    lines.getLast().append(text.getWholeText());
                } else if (node instanceof Element element
                        && (element.nameIs("br") || BLOCK_ELEMENTS.contains(element.normalName()))) {
                    lines.add(new StringBuilder());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCK_ELEMENTS.contains(element.normalName())) {
                    lines.add(new StringBuilder());
                }
            }
        }, body());
        return lines.stream()
                .map(line -> line.toString().replaceAll("\\s+", " ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** The lines of a plain-text block as a reader of the HTML would see them: without the {@code <url>} parts. */
    static List<String> textLinesWithoutLinks(String textBlock) {
        return Arrays.stream(textBlock.split("\n", -1))
                .map(line -> line.replaceAll(" <https?://[^\\s<>]*>", ""))
                .toList();
    }
}
