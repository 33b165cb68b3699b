package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile HTML blocks, as an invitation could carry them, made fit to render in the migration page's frames. */
class SanitizeBlockHtmlTest {

    @Test
    void scriptsAndTheirTextAreRemoved() {
        assertThat(SanitizeBlockHtml.of("<p>Join</p><script>document.title='owned'</script><SCRIPT src=//evil.example/x.js></SCRIPT>"))
                .isEqualTo("<p>Join</p>");
    }

    @Test
    void eventHandlersAreRemovedAndTheElementKept() {
        assertThat(SanitizeBlockHtml.of("<p onclick=\"x()\" onmouseover='x()' ONLOAD=x()>Join</p>")).isEqualTo("<p>Join</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:x()", "JaVaScRiPt:x()", " javascript:x()", "&#106;avascript:x()", "java\tscript:x()",
            "data:text/html;base64,PHNjcmlwdD54KCk8L3NjcmlwdD4=", "vbscript:x()", "/sign-out", "//evil.example/", "ftp://evil.example/"})
    void aLinkThatCouldRunSomethingOrGoesNowhereKnownKeepsItsTextOnly(String href) {
        assertThat(SanitizeBlockHtml.of("<a href=\"" + href + "\">Join</a>")).isEqualTo("<a rel=\"noopener noreferrer\">Join</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0", "http://meet.contoso.com/alice/AB12",
            "tel:+14255550100,,79261#", "mailto:help@contoso.com"})
    void aLinkToTheWebAPhoneNumberOrAnAddressStaysAndGetsNoopenerNoreferrer(String href) {
        String cleaned = SanitizeBlockHtml.of("<a href=\"" + href + "\" target=\"_top\" rel=\"opener\">Join</a>");

        assertThat(cleaned).startsWith("<a href=\"" + href.replace("&", "&amp;") + "\"").contains("rel=\"noopener noreferrer\"")
                .doesNotContain("target", "\"opener\"");
    }

    @Test
    void framesFormsObjectsImagesAndStyleElementsAreRemovedWithTheirContent() {
        String cleaned = SanitizeBlockHtml.of("<iframe src=\"https://evil.example/\"></iframe><form action=\"/sign-out\" method=post>"
                + "<input name=csrf><button>Go</button></form><object data=x.swf></object><embed src=x.swf><img src=x onerror=x()>"
                + "<svg><script>x()</script></svg><style>p{background:url(https://evil.example/)}</style><meta http-equiv=refresh content=0>"
                + "<base href=\"https://evil.example/\"><link rel=stylesheet href=https://evil.example/x.css><p>Join</p>");

        assertThat(cleaned).doesNotContain("iframe", "form", "input", "object", "embed", "img", "svg", "script", "style", "meta", "base",
                "link", "evil").endsWith("<p>Join</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"background:url(https://evil.example/pixel)", "background: URL( 'https://evil.example/pixel' )",
            "background:\\75rl(https://evil.example/pixel)", "background-image:image-set('x.png' 1x)", "width:expression(alert(1))",
            "behavior:url(x.htc)", "-moz-binding:url(x.xml#x)", "list-style:-webkit-image-set(url(x.png) 1x)"})
    void aStyleThatCouldFetchOrRunAnythingIsRemoved(String style) {
        assertThat(SanitizeBlockHtml.of("<span style=\"" + style + "\">Join</span>")).isEqualTo("<span>Join</span>");
    }

    @Test
    void aStyleThatOnlyFormatsStaysAsDoTheBlocksClassesAndAnchors() {
        String block = "<p class=\"MsoNormal\" style=\"margin-left:16.0pt\"><a name=\"OutJoinLink\"></a>"
                + "<span style=\"font-size:16.0pt;color:#0066CC;font-family:'Segoe UI',sans-serif\">Join Skype Meeting</span></p>";

        assertThat(SanitizeBlockHtml.of(block)).isEqualTo("<p class=\"MsoNormal\" style=\"margin-left:16.0pt\"><a rel=\"noopener noreferrer\"></a>"
                + "<span style=\"font-size:16.0pt;color:#0066CC;font-family:'Segoe UI',sans-serif\">Join Skype Meeting</span></p>");
    }

    @Test
    void theHostileBlockOfTheDashboardTestsKeepsOnlyItsTextAndHarmlessFormatting() throws IOException {
        String cleaned = SanitizeBlockHtml.of(fixture("/dashboard/hostile-block.html"));

        // A removed form's button label is text, and stays.
        assertThat(cleaned).isEqualTo("<p style=\"color:#c00\">Kept red</p><a rel=\"noopener noreferrer\">script link</a>"
                + "<a rel=\"noopener noreferrer\">data link</a>Send<p>Fetched background</p>");
    }

    @Test
    void markupThatClosesTheFrameOrTheAttributeEarlyStaysText() {
        String cleaned = SanitizeBlockHtml.of("</iframe></body>\"><script>x()</script><p title='\"><script>x()</script>'>Join</p>");

        assertThat(cleaned).doesNotContain("<script", "</iframe").contains("Join");
        assertThat(SanitizeBlockHtml.document("<p>Join</p>")).isEqualTo(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>Join</p></body></html>");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SanitizeBlockHtmlTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
