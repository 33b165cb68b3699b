package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.calendar.CalendarObject;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.Folding;
import org.mms.ical.TextValue;

class RenderEventAsCalendarTest {

    private static List<Component> events(byte[] calendar) {
        List<Component> events = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                events.add(Component.parse(c.bytes()));
            }
        }
        return events;
    }

    private static String html(Component event) {
        ContentLine line = event.first("X-ALT-DESC").orElseThrow();
        return TextValue.of(line, line.head().valueOffset()).text();
    }

    @Test
    void a_single_teams_meeting_becomes_one_calendar_object_with_its_html_body_and_the_add_in_properties() {
        GraphMeeting meeting = GraphFixtures.teamsMeeting();

        byte[] calendar = RenderEventAsCalendar.render(meeting);

        assertThat(CalendarObject.uidOf(calendar)).isEqualTo(meeting.first().iCalUId());
        Component event = events(calendar).getFirst();
        assertThat(event.value("DTSTART")).contains("20261208T090000Z");
        assertThat(event.value("DTEND")).contains("20261208T100000Z");
        assertThat(event.value("SUMMARY")).contains("Q1 2027 planning review\\, part 1: budget\\; headcount");
        assertThat(event.first("X-ALT-DESC").orElseThrow().head().parameter("FMTTYPE")).contains("text/html");
        // TEXT has no carriage return: Exchange's CRLFs read as LFs, everything else as Graph gave it.
        assertThat(html(event)).isEqualTo(meeting.first().body().replace("\r\n", "\n"));
        assertThat(event.has("DESCRIPTION")).isFalse();
        assertThat(event.value("X-MICROSOFT-SKYPETEAMSMEETINGURL")).contains(
                meeting.first().property(AddInProperties.forIcal("X-MICROSOFT-SKYPETEAMSMEETINGURL").orElseThrow().graphId()).orElseThrow());
        assertThat(event.value("X-MICROSOFT-ONLINEMEETINGINFORMATION")).contains("{\"OnlineMeetingChannelId\":null\\,\"OnlineMeetingProvider\":3}");
        assertThat(event.value("X-MICROSOFT-ONLINEMEETINGCONFLINK")).hasValueSatisfying(v -> assertThat(v).startsWith("conf:sip:alice@contoso.com\\;gruu\\;"));
        assertThat(event.value("X-MICROSOFT-ONLINEMEETINGTOLLNUMBER")).contains("+1 323-849-4874");
        assertThat(event.value("ORGANIZER")).contains("mailto:alice@contoso.com");
        assertThat(event.all("ATTENDEE")).extracting(ContentLine::text).containsExactly(
                "ATTENDEE;CN=\"Bob Jones\";ROLE=REQ-PARTICIPANT:mailto:bob@contoso.com",
                "ATTENDEE;CN=\"Łukasz Schröder\";ROLE=OPT-PARTICIPANT:mailto:lukasz.schroeder@contoso.com",
                "ATTENDEE;CN=\"Room 4.12 'Fjord'\";CUTYPE=RESOURCE;ROLE=NON-PARTICIPANT:mailto:room412@contoso.com");
    }

    @Test
    void every_line_is_folded_at_75_octets_with_crlf_and_unfolds_to_whole_characters() {
        byte[] calendar = RenderEventAsCalendar.render(GraphFixtures.teamsMeeting());

        String text = new String(calendar, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\uFFFD");
        for (String physical : text.split("\r\n", -1)) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Folding.MAX_OCTETS);
            assertThat(physical).doesNotContain("\n").doesNotContain("\r");
        }
        assertThat(ContentLines.scan(calendar)).allSatisfy(l -> assertThat(l.text()).doesNotContain("\uFFFD"));
    }

    @Test
    void a_series_is_written_in_its_zone_with_its_rule_and_each_exception_carries_the_masters_uid_and_its_recurrence_id() {
        GraphMeeting series = GraphFixtures.weeklySeries();

        List<Component> events = events(RenderEventAsCalendar.render(series));

        assertThat(events).hasSize(2);
        Component master = events.get(0);
        assertThat(master.first("DTSTART").orElseThrow().text()).isEqualTo("DTSTART;TZID=Europe/Berlin:20261006T150000");
        assertThat(master.value("RRULE")).contains("FREQ=WEEKLY;BYDAY=TU;WKST=MO;UNTIL=20270629T215959Z");
        Component exception = events.get(1);
        assertThat(exception.value("UID")).isEqualTo(master.value("UID")).contains(series.first().iCalUId());
        assertThat(exception.value("RECURRENCE-ID")).contains("20261215T130000Z");
        assertThat(exception.value("DTSTART")).contains("20261215T140000Z");
        assertThat(exception.has("RRULE")).isFalse();
        assertThat(html(exception)).contains("Hi all, moved by an hour this week,");
        assertThat(html(master)).doesNotContain("moved by an hour");
    }

    @Test
    void a_meeting_mms_created_reads_back_under_the_uid_its_calendar_gave() {
        GraphEvent event = GraphFixtures.event("teams-meeting-single.json");
        java.util.Map<String, String> properties = new java.util.HashMap<>(event.properties());
        properties.put(ImportedNames.UID, "uid-from-the-file");
        GraphEvent imported = new GraphEvent(event.id(), event.etag(), event.type(), event.seriesMasterId(), event.iCalUId(),
                event.isOrganizer(), event.isCancelled(), event.isAllDay(), event.subject(), event.body(), event.start(), event.end(),
                event.organizer(), event.attendees(), event.recurrence(), event.originalStart(), properties);

        assertThat(CalendarObject.uidOf(RenderEventAsCalendar.render(new GraphMeeting(imported, List.of())))).isEqualTo("uid-from-the-file");
    }

    @Test
    void the_conference_lines_mms_kept_on_the_event_read_back_after_the_add_in_properties_and_nothing_else_from_that_property() {
        GraphEvent event = GraphFixtures.event("teams-meeting-single.json");
        java.util.Map<String, String> properties = new java.util.HashMap<>(event.properties());
        String video = "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=\"Microsoft Teams\":https://teams.microsoft.com/l/meetup-join/19%3ameeting_x";
        String phone = "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=\"+1 425-555-0175 (United States, Redmond)\":tel:+14255550175%2c%2c241752659%23";
        properties.put(KeptLines.PROPERTY, video + "\r\n" + phone + "\r\nEND:VEVENT\r\nLOCATION:Room 1\r\nnot a line");
        GraphEvent kept = new GraphEvent(event.id(), event.etag(), event.type(), event.seriesMasterId(), event.iCalUId(),
                event.isOrganizer(), event.isCancelled(), event.isAllDay(), event.subject(), event.body(), event.start(), event.end(),
                event.organizer(), event.attendees(), event.recurrence(), event.originalStart(), properties);

        byte[] rendered = RenderEventAsCalendar.render(new GraphMeeting(kept, List.of()));

        Component read = events(rendered).getFirst();
        assertThat(read.all("CONFERENCE")).extracting(ContentLine::text).containsExactly(video, phone);
        assertThat(read.has("LOCATION")).isFalse();
        assertThat(IcalEvent.readAll(rendered).getFirst().keptLines()).containsExactly(video, phone);
    }
}
