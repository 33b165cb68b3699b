package org.mms.block;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * Checks a custom footer an admin gives, before it goes into every invitation the organization sends: whoever
 * writes it, it must stay the organization's text inside the block and must not become markup, script or a
 * second block.
 *
 * <p>The text is lines of printable characters, none of them a fence line (a line of dots or underscores the
 * recognizers would take for the block's end, so that the next run could not find the block). The HTML is a
 * small, balanced fragment: the elements {@value #ALLOWED_ELEMENTS}; links only as {@code <a href>} to http, https,
 * mailto or tel; images only as {@code <img src>} over https, with {@code alt}, {@code width} and {@code height};
 * no other attribute (no event handlers, no style), no comments, every element closed where it was opened. Each
 * is at most {@value CustomFooter#MAX_LENGTH} characters.
 */
public final class CheckFooter {

    /** A footer, or none when neither text nor HTML was given; or everything wrong with what was given. */
    public sealed interface Result {
    }

    public record Accepted(Optional<CustomFooter> footer) implements Result {
    }

    /** Every problem, each starting with the name of the field that has it. */
    public record Refused(List<String> problems) implements Result {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    static final String ALLOWED_ELEMENTS = "a, b, br, div, em, i, img, p, span, strong";
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href"), "b", Set.of(), "br", Set.of(), "div", Set.of(), "em", Set.of(), "i", Set.of(),
            "img", Set.of("src", "alt", "width", "height"), "p", Set.of(), "span", Set.of(), "strong", Set.of());
    private static final String ALLOWED_ATTRIBUTES = "a href; img src, alt, width, height";
    private static final Set<String> VOID = Set.of("br", "img");
    private static final Pattern STRAY_END_TAG = Pattern.compile("EndTag token \\[</([^>\\s]+)>]");

    private CheckFooter() {
    }

    /**
     * The footer these values make. Blank values count as not given; given only the text, the HTML shows it
     * escaped with a {@code <br>} per line break; given only the HTML, the text is its visible text.
     *
     * @param textField the name of the text's field for the problems, e.g. {@code CustomFooterText}
     * @param htmlField the name of the HTML's field
     */
    public static Result check(String textField, Optional<String> text, String htmlField, Optional<String> html) {
        Optional<String> givenText = text.map(t -> t.replace("\r\n", "\n").replace('\r', '\n').strip()).filter(t -> !t.isEmpty());
        Optional<String> givenHtml = html.map(String::strip).filter(h -> !h.isEmpty());
        if (givenText.isEmpty() && givenHtml.isEmpty()) {
            return new Accepted(Optional.empty());
        }
        List<String> problems = new ArrayList<>();
        givenText.ifPresent(t -> textProblems(t).forEach(p -> problems.add(textField + " " + p)));
        givenHtml.ifPresent(h -> htmlProblems(h).forEach(p -> problems.add(htmlField + " " + p)));
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        String html2 = givenHtml.orElseGet(() -> htmlOf(givenText.orElseThrow()));
        String text2 = givenText.orElseGet(() -> visibleText(html2).strip());
        // Text taken from the HTML can join what the HTML kept apart (two half fences in adjacent spans).
        textProblems(text2).forEach(p -> problems.add(htmlField + " " + p));
        return problems.isEmpty() ? new Accepted(Optional.of(new CustomFooter(text2, html2))) : new Refused(problems);
    }

    /** What is wrong with a footer's text and HTML as they are kept, each problem naming which of the two has it. */
    static List<String> problems(String text, String html) {
        List<String> problems = new ArrayList<>();
        textProblems(text).forEach(p -> problems.add("text " + p));
        htmlProblems(html).forEach(p -> problems.add("html " + p));
        return problems;
    }

    /** The text escaped for HTML, a {@code <br>} for every line break. */
    static String htmlOf(String text) {
        return String.join("<br>", text.lines().map(Html::escape).toList());
    }

    /** What a reader sees of the HTML: its text, a line per block element or line break. */
    static String visibleText(String html) {
        StringBuilder sb = new StringBuilder();
        for (Node node : parse(html, Parser.htmlParser())) {
            HtmlBlock.appendText(node, sb);
        }
        return sb.toString();
    }

    private static List<Node> parse(String html, Parser parser) {
        return parser.parseFragmentInput(html, new Element("div"), "");
    }

    static List<String> textProblems(String text) {
        Set<String> problems = new LinkedHashSet<>();
        length(text).ifPresent(problems::add);
        characters(text, "\n").ifPresent(problems::add);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (Fence.of(lines[i]).isPresent()) {
                problems.add("must not have a line of dots or underscores like the block's own fence (line " + (i + 1)
                        + "): the block would end there");
            }
        }
        return List.copyOf(problems);
    }

    static List<String> htmlProblems(String html) {
        Set<String> problems = new LinkedHashSet<>();
        length(html).ifPresent(problems::add);
        characters(html, "\n\r\t").ifPresent(problems::add);
        Parser parser = Parser.htmlParser().setTrackErrors(10).setTrackPosition(true);
        List<Node> nodes = parse(html, parser);
        for (ParseError error : parser.getErrors()) {
            Matcher stray = STRAY_END_TAG.matcher(error.getErrorMessage());
            problems.add(stray.find()
                    ? "has an end tag </" + stray.group(1) + "> that closes no element open where it stands"
                    : "is not well-formed at " + error.getCursorPos() + ": " + error.getErrorMessage());
        }
        for (Node top : nodes) {
            // What is inside an element that is not allowed (a script's code) needs no second word.
            top.filter((node, depth) -> {
                List<String> found = nodeProblems(node);
                problems.addAll(found);
                return node instanceof Element && !found.isEmpty() && !ATTRIBUTES.containsKey(((Element) node).normalName())
                        ? NodeFilter.FilterResult.SKIP_ENTIRELY : NodeFilter.FilterResult.CONTINUE;
            });
        }
        return List.copyOf(problems);
    }

    private static List<String> nodeProblems(Node node) {
        if (node instanceof TextNode text) {
            return Fence.of(text.getWholeText()).isPresent()
                    ? List.of("must not hold a line of dots or underscores like the block's own fence: the block would end there")
                    : List.of();
        }
        if (!(node instanceof Element e)) {
            return List.of("must not contain comments, declarations or scripts (found " + node.nodeName() + ")");
        }
        String name = e.normalName();
        if (!ATTRIBUTES.containsKey(name)) {
            return List.of("must not contain <" + name + "> (allowed: " + ALLOWED_ELEMENTS + ")");
        }
        List<String> problems = new ArrayList<>();
        if (!VOID.contains(name) && (!e.endSourceRange().isTracked() || e.endSourceRange().isImplicit())) {
            problems.add("has <" + name + "> without its end tag </" + name + ">: every element must be closed");
        }
        for (Attribute a : e.attributes()) {
            attributeProblem(name, a.getKey().toLowerCase(Locale.ROOT), a.getValue()).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> attributeProblem(String element, String attribute, String value) {
        if (attribute.startsWith("on")) {
            return Optional.of("must not contain event handlers (" + attribute + " on <" + element + ">)");
        }
        if (!ATTRIBUTES.get(element).contains(attribute)) {
            return Optional.of("must not give <" + element + "> the attribute " + attribute + " (allowed: " + ALLOWED_ATTRIBUTES + ")");
        }
        return switch (attribute) {
            case "href" -> value.matches("(?i)(mailto|tel):[^\\s]+") || isWebLink(value, "http", "https") ? Optional.empty()
                    : Optional.of("has a link that is not an http, https, mailto or tel link (<a href=\"" + shortened(value) + "\">)");
            case "src" -> isWebLink(value, "https") ? Optional.empty()
                    : Optional.of("has an image that is not from an https link (<img src=\"" + shortened(value) + "\">)");
            case "width", "height" -> value.matches("[0-9]{1,4}") ? Optional.empty()
                    : Optional.of("has an image " + attribute + " that is not a number of pixels");
            default -> Optional.empty();
        };
    }

    private static boolean isWebLink(String value, String... schemes) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<String> length(String value) {
        return value.length() > CustomFooter.MAX_LENGTH
                ? Optional.of("is longer than " + CustomFooter.MAX_LENGTH + " characters (" + value.length() + ")")
                : Optional.empty();
    }

    /**
     * Control characters (but the line breaks {@code allowed}) and the characters that reorder text for display:
     * both could make the footer show something other than what it is.
     */
    private static Optional<String> characters(String value, String allowed) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (allowed.indexOf(c) < 0 && (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029)) {
                return Optional.of("must not contain control characters (U+%04X)".formatted(c));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("must not contain characters that reorder text for display (U+%04X)".formatted(c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static String shortened(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
