package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mms.block.MeetingType;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.Folding;
import org.mms.ical.TextEscaping;
import org.mms.offline.ReadProfile;
import org.mms.testing.GoldenRule;

/**
 * The decisions the corpus does not cover on its own: the target already shown, a number removed,
 * type selection, bodies that disagree, unreadable values, meetings without an organizer, and the
 * property changes that go with a change of meeting type.
 */
class PlanMeetingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    /** teams-t2-en-dialin.ics without its plain-text body: its join link shows only behind a label. */
    private static final String HTML_ONLY = "already-current/teams-t2-en-html-only.ics";
    /** The thread of the meeting's own join link, and that of an older one. */
    private static final String JOIN_THREAD = "19%3ameeting_MDcwYjc2YjUtM2Y3Ni0yOThkLTFhODItZmU0NTcxZjFlM2Ri";
    private static final String OLD_JOIN_THREAD = "19%3ameeting_OTk5OWFhYWEtYmJiYi1jY2NjLWRkZGQtZWVlZWZmZmYwMDAw";
    private static final SelectionRules RULES = SelectionRules.of(Organizer.of("alice@contoso.com", "alice.smith@contoso.com"), NOW);

    @Test
    void a_meeting_already_showing_the_target_coordinates_is_left_alone_even_in_another_template() {
        Outcome outcome = planOnly("ics/teams-t2-en-dialin.ics", "teams-as-shown-in-t2-fixture.json", RULES);

        assertThat(outcome).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void a_meeting_already_showing_the_target_is_left_alone_when_outlook_writes_a_tel_link_with_the_country_code_after_a_national_number() {
        Outcome outcome = planOnly("already-current/teams-t2-en-e164-tel-links.ics", "teams-as-shown-in-t2-fixture.json", RULES);

        assertThat(outcome).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void a_conference_id_reset_keeps_the_teams_meetings_own_id_passcode_options_link_and_join_on_the_web_line() {
        byte[] before = firstEvent("ics/teams-t2-en-dialin.ics");
        Outcome.Migrated m = (Outcome.Migrated) plan(List.of(before), "teams-conference-id-reset.json", RULES).getFirst().outcome();

        GoldenRule.check(before, m.bytes(), m.edits());
        assertThat(m.newBlock())
                .contains("Meeting ID: 333 293 204 240\nPasscode: 5gwtWG\n")
                .contains("Join on the web <https://www.microsoft.com/microsoft-teams/join-a-meeting>")
                .contains("Download Teams <https://www.microsoft.com/en-us/microsoft-teams/download-app>")
                .contains("Meeting options <https://teams.microsoft.com/meetingOptions/?organizerId=b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80")
                .contains("+1 323-849-4874,,925422061#")
                .doesNotContain("658389278");
        String html = TextEscaping.unescape(Component.parse(m.bytes()).value("X-ALT-DESC").orElseThrow());
        assertThat(html).contains("333 293 204 240").contains("5gwtWG").contains("microsoft-teams/join-a-meeting")
                .contains("meetingOptions/?organizerId=");
    }

    @ParameterizedTest
    @CsvSource({"ics/teams-t3-en.ics, 657 292 493 294", "ics/teams-t4-en-2025.ics, 718 431 859 880 524",
        "ics/teams-t2-ja.ics, 158 573 753 138"})
    void a_conference_id_reset_keeps_the_meeting_id_in_every_teams_template_and_language(String fixture, String meetingId) {
        Outcome.Migrated m = (Outcome.Migrated) planOnly(fixture, "teams-conference-id-reset.json", RULES);

        assertThat(m.newBlock()).contains(meetingId).contains("925422061#");
    }

    @Test
    void a_meeting_whose_own_details_and_new_audio_are_already_shown_is_left_alone_after_a_conference_id_reset() {
        byte[] before = firstEvent("ics/teams-t2-en-dialin.ics");
        Outcome.Migrated once = (Outcome.Migrated) plan(List.of(before), "teams-conference-id-reset.json", RULES).getFirst().outcome();

        Outcome again = plan(List.of(once.bytes()), "teams-conference-id-reset.json", RULES).getFirst().outcome();

        assertThat(again).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void conference_lines_carry_the_conference_id_in_a_form_calendar_servers_keep_without_commas_semicolons_or_backslashes() {
        Outcome.Migrated m = (Outcome.Migrated) planOnly("ics/teams-t2-en-dialin.ics", "teams-conference-id-reset.json", RULES);
        List<String> values = Component.parse(m.bytes()).all("CONFERENCE").stream().map(line -> line.property().value()).toList();

        assertThat(values).contains("tel:+13238494874%2c%2c925422061%23", "tel:+18666799995%2c%2c925422061%23");
        assertThat(values).allSatisfy(value -> assertThat(value).doesNotContain(",").doesNotContain(";").doesNotContain("\\")
                .doesNotContainPattern("%([A-F][0-9A-Fa-f]|[0-9a-f][A-F])"));
    }

    @Test
    void a_meeting_still_showing_a_number_taken_off_the_bridge_is_migrated() {
        Outcome outcome = planOnly("ics/teams-t2-en-dialin.ics", "teams-toll-free-removed.json", RULES);

        assertThat(outcome).isInstanceOf(Outcome.Migrated.class);
        Outcome.Migrated m = (Outcome.Migrated) outcome;
        assertThat(m.oldBlock()).contains("(866) 679-9995");
        assertThat(m.newBlock()).doesNotContain("679-9995").contains("+1 323-849-4874,,658389278#");
    }

    @Test
    void a_migrated_meeting_with_an_html_body_carries_that_bodys_block_as_it_was_and_as_it_became() {
        byte[] before = firstEvent("ics/teams-t2-en-dialin.ics");
        Outcome.Migrated m = (Outcome.Migrated) plan(List.of(before), "teams-toll-free-removed.json", RULES).getFirst().outcome();
        String htmlBefore = TextEscaping.unescape(Component.parse(before).value("X-ALT-DESC").orElseThrow());
        String htmlAfter = TextEscaping.unescape(Component.parse(m.bytes()).value("X-ALT-DESC").orElseThrow());

        assertThat(m.html()).hasValueSatisfying(html -> {
            assertThat(htmlBefore).contains(html.before());
            assertThat(html.before()).contains("679-9995");
            assertThat(htmlAfter).contains(html.after());
            assertThat(html.after()).doesNotContain("679-9995").contains("658389278");
        });
    }

    @Test
    void a_migrated_meeting_without_an_html_body_carries_no_html_block() {
        Outcome.Migrated m = (Outcome.Migrated) planOnly("ics/teams-t1-en-2019.ics", "teams-new-bridge.json", RULES);

        assertThat(m.html()).isEmpty();
    }

    @Test
    void teams_meetings_are_left_alone_when_only_skype_meetings_are_selected() {
        Outcome outcome = planOnly("ics/teams-t2-en-dialin.ics", "teams-new-bridge.json",
                RULES.withSourceTypes(EnumSet.of(MeetingType.SKYPE)));

        assertThat(outcome).isInstanceOf(Outcome.Skipped.class);
        assertThat(((Outcome.Skipped) outcome).reason()).isEqualTo(SkipReason.SOURCE_TYPE);
    }

    @Test
    void losing_dial_in_removes_the_call_in_section_and_the_dial_in_properties() {
        Outcome.Migrated m = (Outcome.Migrated) planOnly("ics/teams-t2-en-dialin.ics", "teams-no-dial-in.json", RULES);
        Component after = Component.parse(m.bytes());

        assertThat(m.newBlock()).doesNotContain("+1 323").doesNotContain("Conference ID");
        assertThat(after.first("X-MICROSOFT-ONLINEMEETINGTOLLNUMBER")).isEmpty();
        assertThat(after.value("X-MICROSOFT-SKYPETEAMSMEETINGURL")).isEqualTo(
                Component.parse(firstEvent("ics/teams-t2-en-dialin.ics")).value("X-MICROSOFT-SKYPETEAMSMEETINGURL"));
        assertThat(after.all("CONFERENCE")).hasSize(1);
    }

    @Test
    void moving_a_skype_meeting_to_teams_swaps_the_properties_and_the_provider_only_location() {
        byte[] before = firstEvent("ics/skype-en-dialin.ics");
        Outcome.Migrated m = (Outcome.Migrated) plan(List.of(before), "teams-new-bridge.json", RULES).getFirst().outcome();
        Component after = Component.parse(m.bytes());

        GoldenRule.check(before, m.bytes(), m.edits());
        assertThat(m.from()).isEqualTo(MeetingType.SKYPE);
        assertThat(m.to()).isEqualTo(MeetingType.TEAMS);
        assertThat(after.first("X-MICROSOFT-ONLINEMEETINGEXTERNALLINK")).isEmpty();
        assertThat(after.value("X-MICROSOFT-SKYPETEAMSMEETINGURL")).get().asString().startsWith("https://teams.microsoft.com/l/meetup-join/");
        assertThat(after.value("LOCATION")).contains("Microsoft Teams Meeting");
        assertThat(after.value("X-MICROSOFT-ONLINEMEETINGINFORMATION")).get().asString().contains("\"OnlineMeetingProvider\":3");
        assertThat(after.value("X-MICROSOFT-CONFERENCETELURI").map(TextEscaping::unescape)).contains("tel:+496936530" + "10,,582913407");
        assertThat(after.all("CONFERENCE")).hasSize(4);
        int sequenceBefore = Component.parse(before).value("SEQUENCE").map(Integer::parseInt).orElse(0);
        assertThat(after.value("SEQUENCE")).contains(Integer.toString(sequenceBefore + 1));
        assertThat(after.value("DTSTAMP")).contains("20261123T120000Z");
    }

    @Test
    void bodies_showing_different_kinds_of_block_fail_rather_than_guess() {
        byte[] event = event(
                "UID:disagree-1", "DTSTART:20270105T090000Z", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0",
                "DESCRIPTION:" + TextEscaping.escape("Hi\n" + "_".repeat(80) + "\nJoin <https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0>\n" + "_".repeat(80)),
                "X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape("<body><p>Hi</p><p>" + ".".repeat(137)
                        + "</p><p><a href=\"https://meet.contoso.com/alice/X\">Join</a></p><p>" + ".".repeat(137) + "</p></body>"));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).reason()).isEqualTo(FailReason.BODIES_DISAGREE);
    }

    @Test
    void bodies_fenced_differently_around_the_same_teams_join_link_show_one_teams_meeting() {
        String link = "https://teams.live.com/meet/9381234567890?p=AbCdEf123";
        byte[] event = event(
                "UID:fences-differ-1", "DTSTART:20270105T090000Z", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + link,
                "DESCRIPTION:" + TextEscaping.escape("Hi\n" + ".".repeat(137) + "\nJoin: " + link + "\n" + ".".repeat(137)),
                "X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape("<body><p>Hi</p><p>" + "_".repeat(80)
                        + "</p><p><a href=\"" + link + "\">Join</a></p><p>" + "_".repeat(80) + "</p></body>"));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Migrated.class);
        assertThat(((Outcome.Migrated) outcome).from()).isEqualTo(MeetingType.TEAMS);
    }

    @Test
    void the_teams_join_link_property_tells_a_teams_meeting_whose_dotted_block_shows_no_link_of_a_known_kind() {
        byte[] event = event(
                "UID:stated-1", "DTSTART:20270105T090000Z", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.live.com/meet/9381234567890?p=AbCdEf123",
                "DESCRIPTION:" + TextEscaping.escape(".".repeat(137) + "\nJoin: https://eur01.safelinks.protection.outlook.com/?url=x\n"
                        + ".".repeat(137)));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(((Outcome.Migrated) outcome).from()).isEqualTo(MeetingType.TEAMS);
    }

    @Test
    void without_a_join_link_property_the_blocks_own_join_link_tells_the_type_before_its_fences() {
        byte[] event = event(
                "UID:shown-1", "DTSTART:20270105T090000Z", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-ONLINEMEETINGINFORMATION:{\"OnlineMeetingChannelId\":null\\,\"OnlineMeetingProvider\":4}",
                "DESCRIPTION:" + TextEscaping.escape(".".repeat(137) + "\nJoin: https://teams.live.com/meet/9381234567890?p=AbCdEf123\n"
                        + ".".repeat(137)));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(((Outcome.Migrated) outcome).from()).isEqualTo(MeetingType.TEAMS);
    }

    @Test
    void an_unreadable_start_time_fails_the_meeting_with_the_value_in_the_message() {
        byte[] event = event("UID:bad-date", "DTSTART:2027-01-05 09:00", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/x",
                "DESCRIPTION:" + TextEscaping.escape("_".repeat(80) + "\n<https://teams.microsoft.com/l/meetup-join/x>\n" + "_".repeat(80)));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).reason()).isEqualTo(FailReason.INVALID_EVENT);
        assertThat(((Outcome.Failed) outcome).detail()).contains("2027-01-05 09:00");
    }

    @Test
    void an_unreadable_time_does_not_matter_for_a_meeting_someone_else_organizes() {
        byte[] event = event("UID:bob-1", "DTSTART:tomorrow", "ORGANIZER:mailto:bob@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/x",
                "DESCRIPTION:" + TextEscaping.escape("_".repeat(80) + "\n<https://teams.microsoft.com/l/meetup-join/x>\n" + "_".repeat(80)));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Skipped.class);
        assertThat(((Outcome.Skipped) outcome).reason()).isEqualTo(SkipReason.NOT_ORGANIZER);
    }

    @Test
    void an_event_without_organizer_is_the_calendar_owners_own() {
        byte[] event = event("UID:own-1", "DTSTART:20270105T090000Z",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/x",
                "DESCRIPTION:" + TextEscaping.escape("_".repeat(80) + "\n<https://teams.microsoft.com/l/meetup-join/x>\n" + "_".repeat(80)));

        Outcome outcome = plan(List.of(event), "teams-new-bridge.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Migrated.class);
    }

    @Test
    void a_series_whose_own_occurrences_are_past_is_migrated_for_the_sake_of_a_future_moved_occurrence() {
        String block = TextEscaping.escape("_".repeat(80) + "\n<https://teams.microsoft.com/l/meetup-join/x>\n" + "_".repeat(80));
        byte[] master = event("UID:s-1", "DTSTART:20260105T090000Z", "RRULE:FREQ=WEEKLY;COUNT=3", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/x", "DESCRIPTION:" + block);
        byte[] moved = event("UID:s-1", "RECURRENCE-ID:20260119T090000Z", "DTSTART:20270119T090000Z", "ORGANIZER:mailto:alice@contoso.com",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/x", "DESCRIPTION:" + block);

        List<ComponentPlan> plans = plan(List.of(master, moved), "teams-new-bridge.json", RULES);

        assertThat(plans).allMatch(ComponentPlan::migrated);
    }

    @Test
    void an_html_only_meeting_planned_again_after_its_migration_is_unchanged_though_its_join_link_hides_behind_a_label() {
        byte[] htmlOnly = without(firstEvent("ics/teams-t2-en-dialin.ics"), "DESCRIPTION");
        Outcome.Migrated first = (Outcome.Migrated) plan(List.of(htmlOnly), "teams-conference-id-reset.json", RULES).getFirst().outcome();

        Outcome again = plan(List.of(first.bytes()), "teams-conference-id-reset.json", RULES).getFirst().outcome();

        assertThat(again).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void an_html_only_meeting_without_the_add_ins_properties_is_migrated_when_its_block_links_show_it_is_the_organizers() {
        byte[] bare = without(firstEvent("ics/teams-t2-en-dialin.ics"), "DESCRIPTION", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
                "X-MICROSOFT-SKYPETEAMSPROPERTIES", "X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL",
                "X-MICROSOFT-SCHEDULINGSERVICEMEETINGOPTIONSURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK",
                "X-MICROSOFT-ONLINEMEETINGINFORMATION", "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", "X-MICROSOFT-CONFERENCETELURI");
        SelectionRules alice = SelectionRules.of(new Organizer("alice@contoso.com", java.util.Set.of("alice@contoso.com"),
                java.util.Set.of("b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80"), java.util.Set.of()), NOW);

        Outcome outcome = plan(List.of(bare), "teams-conference-id-reset.json", alice).getFirst().outcome();

        assertThat(outcome).as("the HTML block's hrefs name Alice's object id").isInstanceOf(Outcome.Migrated.class);
    }

    @Test
    void an_html_only_invitation_already_showing_the_target_behind_its_join_label_is_left_alone_with_no_write_and_no_update() {
        byte[] calendar = readBytes(HTML_ONLY);
        Targets targets = Targets.all(ReadProfile.from(read("profiles/teams-as-shown-in-t2-fixture.json")).target());

        ResourcePlan plan = ResourcePlan.of(calendar, RULES, targets, ZoneOffset.UTC);

        assertThat(plan.meetings()).singleElement().satisfies(m -> assertThat(m.components()).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isInstanceOf(Outcome.Unchanged.class)));
        assertThat(plan.changed()).isFalse();
        assertThat(plan.updates()).as("no update for attendees").isEmpty();
        assertThat(plan.newBytes()).as("nothing to write").isEqualTo(calendar);
    }

    @Test
    void an_html_only_invitation_whose_join_label_leads_to_an_old_link_is_migrated_to_the_meetings_own_link() {
        byte[] current = firstEvent(HTML_ONLY);
        byte[] oldLink = withHtml(current, html -> html.replace(JOIN_THREAD, OLD_JOIN_THREAD));
        assertThat(htmlOf(oldLink)).contains(OLD_JOIN_THREAD).doesNotContain(JOIN_THREAD).contains(">Click here to join the meeting</a>");

        Outcome outcome = plan(List.of(oldLink), "teams-as-shown-in-t2-fixture.json", RULES).getFirst().outcome();

        assertThat(outcome).isInstanceOf(Outcome.Migrated.class);
        Outcome.Migrated migrated = (Outcome.Migrated) outcome;
        GoldenRule.check(oldLink, migrated.bytes(), migrated.edits());
        assertThat(htmlOf(migrated.bytes())).contains(JOIN_THREAD).doesNotContain(OLD_JOIN_THREAD);
    }

    /** The event with its HTML body (X-ALT-DESC) changed by {@code change}, escapes kept. */
    private static byte[] withHtml(byte[] event, java.util.function.UnaryOperator<String> change) {
        Component parsed = Component.parse(event);
        org.mms.ical.ComponentEditor editor = new org.mms.ical.ComponentEditor(parsed);
        org.mms.ical.ContentLine html = parsed.first("X-ALT-DESC").orElseThrow();
        editor.replaceValue(html, change.apply(parsed.value("X-ALT-DESC").orElseThrow()));
        return editor.apply();
    }

    private static String htmlOf(byte[] event) {
        return TextEscaping.unescape(Component.parse(event).value("X-ALT-DESC").orElseThrow());
    }

    /** The event without the properties named, as an HTML-only export or Exchange would give it. */
    private static byte[] without(byte[] event, String... names) {
        Component parsed = Component.parse(event);
        org.mms.ical.ComponentEditor editor = new org.mms.ical.ComponentEditor(parsed);
        for (String name : names) {
            parsed.all(name).forEach(editor::deleteLine);
        }
        return editor.apply();
    }

    private static Outcome planOnly(String fixture, String profile, SelectionRules rules) {
        List<ComponentPlan> plans = plan(List.of(firstEvent(fixture)), profile, rules);
        assertThat(plans).hasSize(1);
        return plans.getFirst().outcome();
    }

    private static List<ComponentPlan> plan(List<byte[]> components, String profile, SelectionRules rules) {
        ReadProfile.Profile p = ReadProfile.from(read("profiles/" + profile));
        return PlanMeeting.create(rules, p.target(), Map.of(), ZoneOffset.UTC).plan(components).components();
    }

    /** A VEVENT from content lines (unfolded), folded and with CRLF as Outlook writes it. */
    static byte[] event(String... lines) {
        List<String> all = new ArrayList<>();
        all.add("BEGIN:VEVENT");
        all.addAll(List.of(lines));
        all.add("END:VEVENT");
        StringBuilder sb = new StringBuilder();
        for (String line : all) {
            sb.append(new String(Folding.foldLine(line.getBytes(UTF_8), new byte[] {'\r', '\n'}), UTF_8));
        }
        return sb.toString().getBytes(UTF_8);
    }

    private static byte[] firstEvent(String fixture) {
        // Bytes, never a decoded string: fixtures fold inside UTF-8 sequences.
        CalendarReader reader = new CalendarReader(new ByteArrayInputStream(readBytes(fixture)));
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                return c.bytes();
            }
        }
        throw new IllegalStateException("no VEVENT in " + fixture);
    }

    private static String read(String fixture) {
        return new String(readBytes(fixture), UTF_8);
    }

    private static byte[] readBytes(String fixture) {
        try {
            return Files.readAllBytes(Path.of(PlanMeetingTest.class.getResource("/fixtures/" + fixture).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
