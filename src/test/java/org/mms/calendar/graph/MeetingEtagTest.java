package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mms.calendar.ResourceRef;

class MeetingEtagTest {

    @Test
    void a_meeting_etag_gives_back_each_members_own_etag_in_order() {
        String etag = MeetingEtag.of(GraphFixtures.weeklySeries().members());

        Map<String, String> expected = new LinkedHashMap<>();
        GraphFixtures.weeklySeries().members().forEach(e -> expected.put(e.id(), e.etag()));
        assertThat(MeetingEtag.read(etag)).contains(expected);
        assertThat(etag).startsWith("\"").endsWith("\"").doesNotContain("+", "/", "=", " ");
    }

    @Test
    void an_etag_this_store_never_gave_reads_as_none() {
        for (String foreign : new String[] {"", "\"\"", "\"not-an-etag\"", "W/\"abc\"", "\"3-9f86d081884c7d65\"", "plain"}) {
            assertThat(MeetingEtag.read(foreign)).as(foreign).isEmpty();
        }
    }

    @Test
    void an_event_id_becomes_a_resource_name_and_back_whatever_characters_it_holds() {
        for (String id : new String[] {"AAMkAGI2TG93AAA=", "AAMkA/GI2+TG93AAA=", "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A_x"}) {
            ResourceRef ref = EventNames.of(id);
            assertThat(EventNames.eventId(ref)).contains(id);
        }
        assertThat(EventNames.of("a/b+c").href()).isEqualTo("event~a%2Fb%2Bc");
        assertThat(EventNames.eventId(ResourceRef.forUid("uid-1"))).isEmpty();
    }
}
