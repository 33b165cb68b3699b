package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MultistatusParserTest {

    private static Multistatus parse(String xml) {
        return MultistatusParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_radicale_style_with_a_default_namespace_and_found_and_missing_properties() {
        Multistatus ms = parse("<?xml version='1.0' encoding='utf-8'?>\n<multistatus xmlns=\"DAV:\" "
                + "xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><response><href>/mms/</href><propstat><prop><current-user-principal>"
                + "<href>/mms/</href></current-user-principal><C:calendar-home-set><href>/mms/</href></C:calendar-home-set>"
                + "<resourcetype><principal /><collection /></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat>"
                + "<propstat><prop><displayname /></prop><status>HTTP/1.1 404 Not Found</status></propstat></response></multistatus>");

        Multistatus.Response r = ms.responses().getFirst();
        assertThat(r.href()).isEqualTo("/mms/");
        assertThat(r.exists()).isTrue();
        assertThat(r.property(Multistatus.CALENDAR_HOME_SET).orElseThrow().hrefs()).containsExactly("/mms/");
        assertThat(r.property(Multistatus.RESOURCETYPE).orElseThrow().children()).contains(Multistatus.COLLECTION);
        assertThat(r.property(Multistatus.DISPLAYNAME)).isEmpty();
    }

    @Test
    void reads_xandikos_style_with_prefixes_status_first_and_response_level_statuses() {
        Multistatus ms = parse("<ns0:multistatus xmlns:ns0=\"DAV:\" xmlns:ns1=\"urn:ietf:params:xml:ns:caldav\">"
                + "<ns0:response><ns0:href>/user/calendars/c/a.ics</ns0:href><ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status>"
                + "<ns0:prop><ns0:getetag>\"8efe\"</ns0:getetag><ns1:calendar-data>BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
                + "</ns1:calendar-data></ns0:prop></ns0:propstat></ns0:response>"
                + "<ns0:response><ns0:href>/user/calendars/c/gone.ics</ns0:href><ns0:status>HTTP/1.1 404 Not Found</ns0:status>"
                + "</ns0:response></ns0:multistatus>");

        assertThat(ms.responses()).hasSize(2);
        Multistatus.Response found = ms.responses().get(0);
        assertThat(found.text(Multistatus.GETETAG)).contains("\"8efe\"");
        // XML reads the CRLF of the calendar data as LF; the store puts CRLF back.
        assertThat(found.property(Multistatus.CALENDAR_DATA).orElseThrow().text()).isEqualTo("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        Multistatus.Response gone = ms.responses().get(1);
        assertThat(gone.status()).isEqualTo(OptionalInt.of(404));
        assertThat(gone.exists()).isFalse();
    }

    @Test
    void skips_unknown_elements_and_reads_cdata_and_entities() {
        Multistatus ms = parse("<d:multistatus xmlns:d=\"DAV:\" xmlns:x=\"urn:x\"><x:extra><d:response/></x:extra>"
                + "<d:response><d:href>/a%20b/x&amp;y.ics</d:href><x:note>ignored</x:note><d:propstat><d:prop>"
                + "<d:displayname><![CDATA[Team <A>]]> &amp; more</d:displayname></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
                + "</d:propstat><d:responsedescription>fine</d:responsedescription></d:response><d:sync-token>t1</d:sync-token>"
                + "</d:multistatus>");

        assertThat(ms.responses()).singleElement().satisfies(r -> {
            assertThat(r.href()).isEqualTo("/a%20b/x&y.ics");
            assertThat(r.text(Multistatus.DISPLAYNAME)).contains("Team <A> & more");
        });
    }

    @Test
    void refuses_what_is_no_multistatus_and_any_document_type_declaration() {
        assertThatThrownBy(() -> parse("<html><body>Bad gateway</body></html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("not xml at all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>&x;</d:href></d:response></d:multistatus>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_status_lines() {
        assertThat(MultistatusParser.statusCode("HTTP/1.1 207 Multi-Status")).isEqualTo(207);
        assertThat(MultistatusParser.statusCode("  HTTP/1.0 404\n")).isEqualTo(404);
        assertThatThrownBy(() -> MultistatusParser.statusCode("OK")).isInstanceOf(IllegalArgumentException.class);
    }
}
