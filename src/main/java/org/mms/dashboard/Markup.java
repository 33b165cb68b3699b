package org.mms.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * A piece of HTML that is safe to send. Text from anywhere (a meeting title, a reason, an identity) only
 * gets in through {@link #text}, which escapes it; attribute values are escaped too. Markup of its own is
 * made only from the element and attribute names written in this package, so no caller can slip raw
 * HTML in: that is the escaping guarantee a template engine would otherwise be here for.
 */
record Markup(String html) {

    static final Markup EMPTY = new Markup("");

    Markup {
        Objects.requireNonNull(html, "html");
    }

    /** Text as element content or attribute value: {@code & < > " '} escaped. */
    static Markup text(Object value) {
        return new Markup(escape(value == null ? "" : value.toString()));
    }

    static Markup join(List<Markup> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.html));
        return new Markup(out.toString());
    }

    static Markup join(Markup... parts) {
        return join(List.of(parts));
    }

    /**
     * An element with escaped attributes (names and values alternating) and its children.
     * {@code name} and the attribute names are constants of this package, never input.
     */
    static Markup el(String name, List<String> attributes, Markup... children) {
        if (attributes.size() % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        StringBuilder out = new StringBuilder("<").append(name);
        for (int i = 0; i < attributes.size(); i += 2) {
            String value = attributes.get(i + 1);
            if (value != null) {
                out.append(' ').append(attributes.get(i)).append("=\"").append(escape(value)).append('"');
            }
        }
        out.append('>');
        if (VOID.contains(name)) {
            return new Markup(out.toString());
        }
        for (Markup child : children) {
            out.append(child.html);
        }
        return new Markup(out.append("</").append(name).append('>').toString());
    }

    /** An element without attributes. */
    static Markup el(String name, Markup... children) {
        return el(name, List.of(), children);
    }

    /** An element whose only child is text. */
    static Markup textEl(String name, Object text) {
        return el(name, List.of(), text(text));
    }

    private static final List<String> VOID = List.of("input", "meta", "link", "br", "img");

    static String escape(String text) {
        return org.mms.block.Html.escape(text);
    }
}
