package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.ContentLine;
import org.mms.ical.TextValue;
import tools.jackson.databind.JsonNode;

/** The round trip of a write: Graph's JSON, rendered as iCalendar, edited as the engine edits, back to PATCH bodies. */
class PlanPatchesTest {

    private static final String OLD_LINK_PART = "MDcwYjc2YjUtM2Y3Ni0yOThkLTFhODItZmU0NTcxZjFlM2Ri";
    private static final String NEW_LINK_PART = "NEWMEETINGNEWMEETINGNEWMEETINGNEWMEETINGNEWMEET";

    /** Each VEVENT edited as the engine would: a stretch of the HTML body and one property replaced, SEQUENCE added. */
    private static byte[] editedAsTheEngineWould(byte[] calendar) {
        StringBuilder out = new StringBuilder();
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                Component event = Component.parse(c.bytes());
                ComponentEditor editor = new ComponentEditor(event);
                ContentLine alt = event.first("X-ALT-DESC").orElseThrow();
                TextValue html = TextValue.of(alt, alt.head().valueOffset());
                int from = html.text().indexOf("Meeting ID:");
                int to = html.text().indexOf("Passcode:");
                editor.replaceText(html, from, to, "Meeting ID: <span>111 222 333 444</span><br>\n");
                ContentLine url = event.first("X-MICROSOFT-SKYPETEAMSMEETINGURL").orElseThrow();
                editor.replaceValue(url, url.property().value().replace(OLD_LINK_PART, NEW_LINK_PART));
                event.first("X-MICROSOFT-ONLINEMEETINGTOLLNUMBER").ifPresent(editor::deleteLine);
                editor.addLine("SEQUENCE:1");
                editor.addLine("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://teams.example/x");
                out.append(new String(editor.apply(), StandardCharsets.UTF_8));
            } else {
                out.append(new String(item.bytes(), StandardCharsets.UTF_8));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_edited_block_becomes_one_patch_of_the_body_and_of_the_changed_properties_only() {
        GraphMeeting meeting = GraphFixtures.teamsMeeting();
        byte[] edited = editedAsTheEngineWould(RenderEventAsCalendar.render(meeting));

        List<PlanPatches.Patch> patches = PlanPatches.of(meeting, IcalEvent.readAll(edited), "a-hash", GraphFixtures.JSON);

        assertThat(patches).singleElement().satisfies(p -> {
            assertThat(p.event().etag()).isEqualTo(meeting.first().etag());
            String stored = meeting.first().body();
            String sent = p.body().path("body").path("content").asString();
            assertThat(p.body().path("body").path("contentType").asString()).isEqualTo("html");
            // Golden rule: the body outside the edited stretch is Graph's, byte for byte, CRLFs included.
            int from = stored.indexOf("Meeting ID:");
            int to = stored.indexOf("Passcode:");
            String inserted = "Meeting ID: <span>111 222 333 444</span><br>\r\n";
            assertThat(sent).isEqualTo(stored.substring(0, from) + inserted + stored.substring(to));
            JsonNode properties = p.body().path("singleValueExtendedProperties");
            assertThat(properties).hasSize(4);
            assertThat(properties.get(0).path("id").asString()).isEqualTo(
                    "String {00020329-0000-0000-C000-000000000046} Name SkypeTeamsMeetingUrl");
            assertThat(properties.get(0).path("value").asString()).contains(NEW_LINK_PART).doesNotContain(OLD_LINK_PART);
            assertThat(properties.get(1).path("id").asString()).endsWith("Name OnlineMeetingTollNumber");
            assertThat(properties.get(1).path("value").asString()).isEmpty();
            // The CONFERENCE line Exchange has no place for is kept in MMS's own property; the write's hash comes last.
            assertThat(properties.get(2).path("id").asString()).isEqualTo(KeptLines.PROPERTY);
            assertThat(properties.get(2).path("value").asString()).isEqualTo("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://teams.example/x");
            assertThat(properties.get(3).path("id").asString()).isEqualTo(PlanPatches.WRITTEN_HASH);
            assertThat(properties.get(3).path("value").asString()).isEqualTo("a-hash");
            assertThat(p.body().properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("body", "singleValueExtendedProperties");
        });
    }

    @Test
    void a_series_and_its_exception_each_get_their_own_patch_with_their_own_body() {
        GraphMeeting series = GraphFixtures.weeklySeries();
        byte[] edited = editedAsTheEngineWould(RenderEventAsCalendar.render(series));

        List<PlanPatches.Patch> patches = PlanPatches.of(series, IcalEvent.readAll(edited), "a-hash", GraphFixtures.JSON);

        assertThat(patches).extracting(p -> p.event().id()).containsExactly(series.first().id(), series.exceptions().getFirst().id());
        assertThat(patches.get(1).body().path("body").path("content").asString()).contains("moved by an hour this week")
                .contains("111 222 333 444");
        assertThat(patches.get(0).body().path("body").path("content").asString()).doesNotContain("moved by an hour");
    }

    @Test
    void a_resource_written_back_unchanged_needs_no_patch() {
        GraphMeeting series = GraphFixtures.weeklySeries();

        assertThat(PlanPatches.of(series, IcalEvent.readAll(RenderEventAsCalendar.render(series)), "a-hash", GraphFixtures.JSON)).isEmpty();
    }

    @Test
    void a_change_to_anything_but_the_block_is_refused_naming_it() {
        GraphMeeting meeting = GraphFixtures.teamsMeeting();
        String calendar = new String(RenderEventAsCalendar.render(meeting), StandardCharsets.UTF_8);

        for (String[] change : new String[][] {
                {"DTSTART:20261208T090000Z", "DTSTART:20261208T093000Z", "DTSTART"},
                {"SUMMARY:Q1", "SUMMARY:Renamed Q1", "SUMMARY"},
                {"mailto:bob@contoso.com", "mailto:carol@contoso.com", "ATTENDEE"},
                {"END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT", "STATUS"}}) {
            byte[] changed = calendar.replace(change[0], change[1]).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PlanPatches.of(meeting, IcalEvent.readAll(changed), "a-hash", GraphFixtures.JSON))
                    .as(change[2]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(change[2])
                    .hasMessageContaining("only the online-meeting block");
        }
    }

    @Test
    void an_override_exchange_does_not_hold_is_refused() {
        GraphMeeting series = GraphFixtures.weeklySeries();
        String calendar = new String(RenderEventAsCalendar.render(series), StandardCharsets.UTF_8);
        byte[] moved = calendar.replace("RECURRENCE-ID:20261215T130000Z", "RECURRENCE-ID:20261222T130000Z").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PlanPatches.of(series, IcalEvent.readAll(moved), "a-hash", GraphFixtures.JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not make exceptions");
    }
}
