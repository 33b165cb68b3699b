package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.mms.calendar.ResourceRef;

class DavUrisTest {

    private static final URI CALENDAR = URI.create("http://127.0.0.1:5232/mms/alice/");

    @Test
    void a_member_is_named_by_its_last_segment_however_the_server_encodes_it() {
        for (String href : new String[] {"/mms/alice/%7Babc%7D%40host.ics", "/mms/alice/{abc}@host.ics",
                "http://127.0.0.1:5232/mms/alice/%7babc%7d@host.ics", "/mms/%61lice/%7Babc%7D@host.ics"}) {
            assertThat(DavUris.memberName(CALENDAR, DavUris.resolve(CALENDAR, href)))
                    .as(href).contains(new ResourceRef("%7Babc%7D@host.ics"));
        }
    }

    @Test
    void the_collection_itself_deeper_resources_and_other_collections_are_no_members() {
        for (String href : new String[] {"/mms/alice/", "/mms/alice", "/mms/alice/sub/x.ics", "/mms/bob/x.ics", "/x.ics"}) {
            assertThat(DavUris.memberName(CALENDAR, DavUris.resolve(CALENDAR, href))).as(href).isEmpty();
        }
    }

    @Test
    void non_ascii_and_spaces_are_encoded_as_utf_8() {
        assertThat(DavUris.memberName(CALENDAR, DavUris.resolve(CALENDAR, "/mms/alice/Übergabe Plan.ics")))
                .contains(new ResourceRef("%C3%9Cbergabe%20Plan.ics"));
        assertThat(DavUris.encodeSegment("a/b?c#d")).isEqualTo("a%2Fb%3Fc%23d");
    }

    @Test
    void a_resource_url_is_the_collection_followed_by_the_name() {
        assertThat(DavUris.resource(URI.create("http://h/mms/alice"), new ResourceRef("a:b.ics")))
                .isEqualTo(URI.create("http://h/mms/alice/a:b.ics"));
    }

    @Test
    void user_information_is_never_shown() {
        assertThat(DavUris.shown(URI.create("http://mms:secret@h:8080/x/y.ics"))).isEqualTo("http://h:8080/x/y.ics");
    }
}
