package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;
import static org.mms.dashboard.Markup.textEl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The frame every page shares, and the small pieces pages are made of (tables, forms, times). */
final class Layout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Layout() {
    }

    /** A signed-in page: navigation (Settings only for admins, who alone may read them), who is signed in, sign-out. */
    static Markup page(String title, Visitor visitor, String current, Markup main) {
        List<Markup> links = new ArrayList<>();
        links.add(navLink("/", "Overview", current));
        links.add(navLink("/migrations", "Migrations", current));
        links.add(navLink("/changes", "Changes", current));
        if (visitor.isAdmin()) {
            links.add(navLink("/settings", "Settings", current));
        }
        Markup signOut = postForm("/sign-out", visitor, "Sign out", "link");
        Markup header = el("header", el("nav", List.of("aria-label", "Main"), el("ul", Markup.join(links))),
                el("p", List.of("class", "who"), text(visitor.caller().tokenName() + " (" + visitor.caller().role().display() + ")"), signOut));
        return document(title, Markup.join(header, el("main", List.of("id", "main"), textEl("h1", title), main)));
    }

    static Markup document(String title, Markup body) {
        return Markup.join(new Markup("<!DOCTYPE html>"), el("html", List.of("lang", "en"),
                el("head", el("meta", List.of("charset", "utf-8")),
                        el("meta", List.of("name", "viewport", "content", "width=device-width, initial-scale=1")),
                        textEl("title", title + " - MMS"),
                        el("link", List.of("rel", "stylesheet", "href", "/dashboard.css")),
                        el("script", List.of("src", "/dashboard.js", "defer", "defer"))),
                el("body", el("a", List.of("class", "skip", "href", "#main"), text("Skip to content")), body)));
    }

    private static Markup navLink(String href, String label, String current) {
        return el("li", el("a", java.util.Arrays.asList("href", href, "aria-current", href.equals(current) ? "page" : null), text(label)));
    }

    /** A form that posts to {@code action} with the session's CSRF token: every state change goes through one. */
    static Markup postForm(String action, Visitor visitor, String label, String buttonClass) {
        return el("form", List.of("method", "post", "action", action, "class", "inline"),
                el("input", List.of("type", "hidden", "name", DashboardRoutes.CSRF_FIELD, "value", visitor.session().csrf())),
                el("button", List.of("type", "submit", "class", buttonClass), text(label)));
    }

    static Markup table(String caption, List<String> headers, List<List<Markup>> rows) {
        List<Markup> head = headers.stream().map(h -> el("th", List.of("scope", "col"), text(h))).toList();
        List<Markup> body = rows.stream().map(r -> el("tr", Markup.join(r.stream().map(c -> el("td", c)).toList()))).toList();
        return el("div", List.of("class", "scroll"), el("table", textEl("caption", caption), el("thead", el("tr", Markup.join(head))),
                el("tbody", Markup.join(body))));
    }

    /** A list of names and values, such as settings. */
    static Markup fields(List<String[]> pairs) {
        return el("dl", Markup.join(pairs.stream().map(p -> Markup.join(textEl("dt", p[0]), textEl("dd", p[1]))).toList()));
    }

    /** A form control with its label above it. */
    static Markup labelled(String id, String label, Markup control) {
        return el("span", List.of("class", "field"), el("label", List.of("for", id), text(label)), control);
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static Markup link(String href, Object label) {
        return el("a", List.of("href", href), text(label));
    }

    static Markup note(String cssClass, Object message) {
        return el("p", List.of("class", cssClass, "role", "status"), text(message));
    }
}
