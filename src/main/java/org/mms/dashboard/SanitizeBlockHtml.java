package org.mms.dashboard;

import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The HTML of an invitation's block, made fit to render in the migration page's sandboxed frame. The block comes
 * from the organizer's calendar, so from anyone who could send them an invitation: only text formatting, tables and
 * links survive. Scripts, event handlers, frames, forms, images (a remote one tells its sender who looked), {@code
 * <style>} elements and {@code javascript:}, {@code data:} and relative links go; a link keeps an http, https,
 * mailto or tel address and gets {@code rel="noopener noreferrer"}; a {@code style} attribute stays (it is what makes
 * a block look like the invitation) unless it could fetch or run anything: {@code url(}, {@code image-set(}, {@code
 * expression(}, {@code @import}, bindings, or a CSS escape that could spell any of them.
 */
final class SanitizeBlockHtml {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addProtocols("a", "href", "tel")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .addTags("hr", "font", "center")
            .addAttributes(":all", "style", "class", "lang", "dir", "align")
            .addAttributes("font", "face", "color", "size")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "bgcolor")
            .addAttributes("td", "valign", "bgcolor", "height")
            .addAttributes("th", "valign", "bgcolor", "height");

    /** What a style must not contain, lower-cased: whatever could fetch (a tracking pixel, a same-origin GET) or run. */
    private static final List<String> UNSAFE_STYLE = List.of("\\", "url(", "image", "expression", "javascript", "@import", "behavior",
            "binding", "src(", "element(", "cross-fade");

    private SanitizeBlockHtml() {
    }

    /** The block's HTML with only what is safe to render left; an HTML fragment. */
    static String of(String html) {
        Document cleaned = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
        for (Element styled : cleaned.body().select("[style]")) {
            String style = styled.attr("style").toLowerCase(Locale.ROOT);
            if (UNSAFE_STYLE.stream().anyMatch(style::contains)) {
                styled.removeAttr("style");
            }
        }
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html();
    }

    /** A whole document around the sanitized block, as a frame's {@code srcdoc} takes it. */
    static String document(String html) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + of(html) + "</body></html>";
    }
}
