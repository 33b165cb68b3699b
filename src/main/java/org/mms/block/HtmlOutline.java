package org.mms.block;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A canonical dump of a parsed document with the block replaced by a marker: tags, attributes, text,
 * comments and data, in tree order. Two documents whose outlines are equal are the same outside the
 * block, which is what a splice must guarantee.
 */
final class HtmlOutline {

    private static final String BLOCK = "\u0000[block]\u0000";

    private HtmlOutline() {
    }

    static String of(Node root, Node blockParent, int firstChild, int lastChild) {
        StringBuilder sb = new StringBuilder(4096);
        append(root, blockParent, firstChild, lastChild, sb);
        return sb.toString();
    }

    private static void append(Node node, Node blockParent, int firstChild, int lastChild, StringBuilder sb) {
        switch (node) {
            case TextNode t -> sb.append("\u0000t:").append(t.getWholeText());
            case DataNode d -> sb.append("\u0000d:").append(d.getWholeData());
            case Comment c -> sb.append("\u0000c:").append(c.getData());
            case DocumentType dt -> sb.append("\u0000!").append(dt.name()).append(' ').append(dt.publicId()).append(' ').append(dt.systemId());
            case Element e -> {
                sb.append('<').append(e.tagName());
                for (Attribute a : e.attributes()) {
                    sb.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
                }
                sb.append('>');
                appendChildren(e, blockParent, firstChild, lastChild, sb);
                sb.append("</").append(e.tagName()).append('>');
            }
            default -> {
                sb.append("\u0000").append(node.nodeName());
                appendChildren(node, blockParent, firstChild, lastChild, sb);
            }
        }
    }

    private static void appendChildren(Node node, Node blockParent, int firstChild, int lastChild, StringBuilder sb) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            if (node == blockParent && i >= firstChild && i <= lastChild) {
                if (i == firstChild) {
                    sb.append(BLOCK);
                }
                continue;
            }
            append(node.childNode(i), blockParent, firstChild, lastChild, sb);
        }
    }

    /** Where two outlines part, shown briefly for an admin-facing message. */
    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "before: \"" + excerpt(a, i) + "\", after: \"" + excerpt(b, i) + "\"";
    }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(s.length(), at + 40);
        return s.substring(from, to).replace('\u0000', '|');
    }
}
