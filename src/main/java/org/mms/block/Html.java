package org.mms.block;

/**
 * The little HTML the block renderers need. Every value goes through {@link #escape}, every attribute is
 * double-quoted and every element gets its end tag, so the fragment parses the same in any HTML parser and
 * a hostile place name or URL stays text.
 */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '} so the text is safe both as element content and inside a quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An element with its end tag.
     *
     * @param name           a non-void element name
     * @param innerHtml      content that is already HTML (escaped text or elements)
     * @param nameValuePairs attribute names and raw values, alternating; values are escaped here
     */
    static String element(String name, String innerHtml, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs: " + nameValuePairs.length);
        }
        StringBuilder out = new StringBuilder().append('<').append(name);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            out.append(' ').append(nameValuePairs[i]).append("=\"").append(escape(nameValuePairs[i + 1])).append('"');
        }
        return out.append('>').append(innerHtml).append("</").append(name).append('>').toString();
    }
}
