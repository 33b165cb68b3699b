package org.mms.calendar.graph.emulator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event body the way Exchange keeps and returns it. Exchange stores a meeting's body as HTML and hands back a whole
 * document, so a client that sent a fragment reads back more than it wrote. The emulator does the two things that
 * are documented or seen every time, and nothing it cannot cite:
 * <ul>
 *   <li>a fragment is wrapped in the document Exchange returns, {@code <html><head>} with a {@code <meta
 *       http-equiv="Content-Type" content="text/html; charset=utf-8">} and CRLF line breaks around it, then
 *       {@code </head><body>…</body></html>}; a body that already is a document ({@code <html…}) is kept as it came;</li>
 *   <li>{@code <script>} elements are dropped: Outlook's REST API filters unsafe HTML from bodies by default (the
 *       Exchange developer blog announced it in September 2015; {@code Prefer: outlook.allow-unsafe-html} turns it off
 *       when reading, which the emulator does not model).</li>
 * </ul>
 * A text body sent by a client becomes HTML (escaped, line breaks as {@code <br>}), since Exchange keeps HTML; reading
 * with {@code Prefer: outlook.body-content-type="text"} gives the HTML without tags, not Exchange's own HTML-to-text
 * rendering, which is not documented.
 */
final class ExchangeBody {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b.*?</script\\s*>");
    private static final Pattern WHOLE_DOCUMENT = Pattern.compile("(?is)^\\s*(<!DOCTYPE[^>]*>\\s*)?<html\\b.*");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern HEAD = Pattern.compile("(?is)<head\\b.*?</head\\s*>");

    private ExchangeBody() {
    }

    /** What Exchange stores for a body sent with this content type ("html" or "text", any case). */
    static String stored(String contentType, String content) {
        String html = "text".equalsIgnoreCase(contentType) ? textAsHtml(content) : content;
        String safe = SCRIPT.matcher(html).replaceAll("");
        if (WHOLE_DOCUMENT.matcher(safe).matches()) {
            return safe;
        }
        return "<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n</head><body>"
                + safe + "</body></html>";
    }

    /** The stored HTML without its head and tags, entities for the five XML characters and nbsp decoded. */
    static String asText(String html) {
        String withoutHead = HEAD.matcher(html).replaceAll("");
        String breaks = withoutHead.replaceAll("(?i)<br\\s*/?>", "\r\n").replaceAll("(?i)</(p|div)\\s*>", "\r\n");
        String text = TAG.matcher(breaks).replaceAll("");
        return text.replace("&nbsp;", "\u00a0").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    private static String textAsHtml(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<div>" + escaped.replace("\r\n", "\n").replace("\n", "<br>") + "</div>";
    }

    static boolean isHtml(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).equals("html");
    }
}
