package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain-text block: fenced, one value per line, nothing for absent data, the same bytes every time. */
class BlockTextTest {

    private static final URI TEAMS_JOIN = URI.create("https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0");
    private static final URI SKYPE_JOIN = URI.create("https://meet.example.com/alice/6N2YGD5G");

    static Stream<RenderCase> cases() {
        return Stream.concat(RenderCase.goldenCases().stream(), Stream.of(
                new RenderCase("teams-hostile", HostileCoordinates.teams()),
                new RenderCase("skype-hostile", HostileCoordinates.skype()),
                new RenderCase("teams-bare", bare(MeetingType.TEAMS, TEAMS_JOIN)),
                new RenderCase("skype-bare", bare(MeetingType.SKYPE, SKYPE_JOIN))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void text_block_starts_and_ends_with_its_fence_and_has_no_other(RenderCase renderCase) {
        String fence = BlockFences.text(renderCase.coordinates().type());
        List<String> lines = lines(BlockRenderer.render(renderCase.coordinates()).text());

        assertThat(lines.getFirst()).isEqualTo(fence);
        assertThat(lines.getLast()).isEqualTo(fence);
        assertThat(lines.subList(1, lines.size() - 1)).doesNotContain(BlockFences.TEAMS_TEXT, BlockFences.SKYPE_TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void text_block_has_no_carriage_return_no_trailing_newline_and_no_empty_or_null_line(RenderCase renderCase) {
        String text = BlockRenderer.render(renderCase.coordinates()).text();

        assertThat(text).doesNotContain("\r").doesNotEndWith("\n").doesNotContain("null").doesNotContain("Optional");
        assertThat(lines(text)).noneMatch(String::isBlank).noneMatch(line -> line.endsWith(":"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendering_twice_gives_identical_strings(RenderCase renderCase) {
        Coordinates coordinates = renderCase.coordinates();
        Coordinates equalCopy = new Coordinates(coordinates.type(), coordinates.joinUrl(), coordinates.meetingId(),
                coordinates.passcode(), coordinates.conferenceId(), List.copyOf(coordinates.dialIn()),
                coordinates.localNumbersUrl(), coordinates.pinResetUrl(), coordinates.helpUrl(),
                coordinates.meetingOptionsUrl(), Locale.forLanguageTag(coordinates.locale().toLanguageTag()));

        RenderedBlock first = BlockRenderer.render(coordinates);
        RenderedBlock second = BlockRenderer.render(equalCopy);

        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.html()).isEqualTo(first.html());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void teams_block_without_dial_in_has_no_call_in_section() {
        String text = BlockRenderer.render(SampleCoordinates.teams(Locale.US, false)).text();

        assertThat(text).doesNotContain("Or call in", "Phone Conference ID", "Find a local number", "Reset PIN", ",,");
        assertThat(text).contains("Meeting ID: 355 132 640 047", "Passcode: xgUo7v", "Learn More <https://aka.ms/JoinTeamsMeeting>");
    }

    @Test
    void teams_block_with_only_the_join_link_has_just_its_headline_lines() {
        assertThat(lines(BlockRenderer.render(bare(MeetingType.TEAMS, TEAMS_JOIN)).text())).containsExactly(
                BlockFences.TEAMS_TEXT,
                "Microsoft Teams meeting",
                "Join on your computer, mobile app or room device",
                "Click here to join the meeting <" + TEAMS_JOIN + ">",
                BlockFences.TEAMS_TEXT);
    }

    @Test
    void skype_block_with_only_the_join_link_keeps_web_app_link_and_marker() {
        assertThat(lines(BlockRenderer.render(bare(MeetingType.SKYPE, SKYPE_JOIN)).text())).containsExactly(
                BlockFences.SKYPE_TEXT,
                "Join Skype Meeting <https://meet.example.com/alice/6N2YGD5G>",
                "Trouble Joining? Try Skype Web App <https://meet.example.com/alice/6N2YGD5G?sl=1>",
                "[!OC([1033])!]",
                BlockFences.SKYPE_TEXT);
    }

    @Test
    void skype_block_without_dial_in_offers_help_but_not_the_pin_link() {
        Coordinates withPinLinkButNoNumbers = new Coordinates(MeetingType.SKYPE, SKYPE_JOIN, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.of(URI.create("https://dialin.example.com/pin")), Optional.of(URI.create("https://help.example.com/")),
                Optional.empty(), Locale.US);

        String text = BlockRenderer.render(withPinLinkButNoNumbers).text();

        assertThat(lines(text)).contains("Help <https://help.example.com/>");
        assertThat(text).doesNotContain("Join by phone", "Forgot your dial-in PIN?", "|");
    }

    @Test
    void skype_dial_in_without_help_link_shows_the_pin_link_alone() {
        Coordinates coordinates = new Coordinates(MeetingType.SKYPE, SKYPE_JOIN, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(number("+14255550100", DialInNumber.Kind.TOLL, "+1 (425) 555-0100", null)),
                Optional.empty(), Optional.of(URI.create("https://dialin.example.com/pin")), Optional.empty(),
                Optional.empty(), Locale.US);

        List<String> lines = lines(BlockRenderer.render(coordinates).text());

        assertThat(lines).contains("Join by phone", "+1 (425) 555-0100", "Forgot your dial-in PIN? <https://dialin.example.com/pin>");
        assertThat(lines).noneMatch(line -> line.contains("|") || line.startsWith("Conference ID") || line.startsWith("Find a local"));
    }

    @Test
    void teams_numbers_without_a_conference_id_are_shown_without_dial_codes() {
        Coordinates coordinates = new Coordinates(MeetingType.TEAMS, TEAMS_JOIN, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(
                        number("+14255550100", DialInNumber.Kind.TOLL, "+1 425-555-0100", "United States, Redmond"),
                        number("+18665550199", DialInNumber.Kind.TOLL_FREE, "+1 866-555-0199", null)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US);

        List<String> lines = lines(BlockRenderer.render(coordinates).text());

        assertThat(lines).containsSubsequence("Or call in (audio only)",
                "+1 425-555-0100 United States, Redmond", "+1 866-555-0199 (Toll-free)");
        assertThat(lines).noneMatch(line -> line.contains(",,") || line.startsWith("Phone Conference ID"));
    }

    @Test
    void line_breaks_inside_a_value_are_turned_into_spaces() {
        Coordinates coordinates = new Coordinates(MeetingType.TEAMS, TEAMS_JOIN, Optional.empty(), Optional.empty(),
                Optional.of("1234"), List.of(number("+14255550100", DialInNumber.Kind.TOLL, "+1 425-555-0100\r\n",
                        "United States,\r\nRedmond\u2028West")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US);

        RenderedBlock block = BlockRenderer.render(coordinates);

        assertThat(lines(block.text())).contains("+1 425-555-0100,,1234# United States, Redmond West");
        assertThat(block.text()).doesNotContain("\r", "\u2028");
        assertThat(block.html()).doesNotContain("\r", "\u2028");
    }

    @Test
    void a_number_display_that_would_forge_a_fence_line_is_refused() {
        Coordinates coordinates = new Coordinates(MeetingType.TEAMS, TEAMS_JOIN, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(number("+14255550100", DialInNumber.Kind.TOLL, BlockFences.TEAMS_TEXT, null)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US);

        assertThatThrownBy(() -> BlockRenderer.render(coordinates))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fence");
    }

    @Test
    void fences_are_exactly_what_microsoft_writes() {
        assertThat(BlockFences.TEAMS_TEXT).hasSize(80).matches("_+");
        assertThat(BlockFences.SKYPE_TEXT).hasSize(137).matches("\\.+");
        assertThat(BlockFences.TEAMS_HTML).isEqualTo("<div style=\"width:100%;height:20px\"><span style=\"white-space:nowrap;"
                + "color:#5F5F5F;opacity:.36\">" + "_".repeat(80) + "</span></div>");
        assertThat(BlockFences.SKYPE_HTML).isEqualTo("<p class=\"MsoNormal\"><span style=\"font-size:8.0pt;color:#404040\">"
                + ".".repeat(137) + "</span></p>");
    }

    private static Coordinates bare(MeetingType type, URI joinUrl) {
        return new Coordinates(type, joinUrl, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US);
    }

    private static DialInNumber number(String e164, DialInNumber.Kind kind, String display, String place) {
        return new DialInNumber(e164, kind, display, Optional.ofNullable(place));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }
}
