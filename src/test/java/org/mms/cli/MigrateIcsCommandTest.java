package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code mms migrate-ics} as an admin runs it: files in, files and a report out, exit codes. */
class MigrateIcsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int mms(String... args) {
        return MmsCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private Path copy(String fixture) throws IOException {
        Path target = dir.resolve(Path.of(fixture).getFileName());
        Files.copy(fixture(fixture), target);
        return target;
    }

    private static Path fixture(String relative) {
        try {
            return Path.of(MigrateIcsCommandTest.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> base(Path in) {
        return new ArrayList<>(List.of("migrate-ics", "--organizer", "alice@contoso.com", "--alias", "alice.smith@contoso.com",
                "--profile", fixture("profiles/teams-new-bridge.json").toString(), "--now", "2026-11-23T12:00:00Z", in.toString()));
    }

    @Test
    void migrates_a_calendar_and_writes_one_update_message_per_changed_meeting() throws Exception {
        Path in = copy("ics/export-mixed.ics");
        List<String> args = base(in);
        args.add(1, "--outbox");
        args.add(2, dir.resolve("outbox").toString());

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isZero();
        Path written = dir.resolve("export-mixed.migrated.ics");
        assertThat(written).exists();
        assertThat(Files.readString(written, UTF_8)).doesNotContain("METHOD:REQUEST");
        List<Path> messages;
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            messages = files.toList();
        }
        assertThat(messages).isNotEmpty().allMatch(p -> p.toString().endsWith(".eml"));
        assertThat(out.toString(UTF_8)).contains(messages.size() + " update messages");

        MimeMessage message;
        try (InputStream eml = Files.newInputStream(messages.getFirst())) {
            message = new MimeMessage(Session.getInstance(new Properties()), eml);
        }
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("alice@contoso.com");
        Part calendar = findCalendarPart(message);
        assertThat(calendar.getContentType()).containsIgnoringCase("method=REQUEST");
        String ics = new String(calendar.getInputStream().readAllBytes(), UTF_8);
        assertThat(ics).contains("METHOD:REQUEST").contains("582 913 407");
    }

    @Test
    void a_dry_run_prints_the_block_diff_and_writes_nothing() throws IOException {
        Path in = copy("ics/skype-en-dialin.ics");
        List<String> args = base(in);
        args.add(1, "--dry-run");
        args.add(2, "--outbox");
        args.add(3, dir.resolve("outbox").toString());

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isZero();
        assertThat(out.toString(UTF_8)).contains("- " + ".".repeat(137)).contains("+ " + "_".repeat(80)).contains("Dry run: nothing written");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("skype-en-dialin.ics");
        }
    }

    @Test
    void a_file_that_is_not_icalendar_gets_one_clear_line_and_no_output() throws IOException {
        Path in = copy("ics/bad/not-ical.txt");

        int code = mms(base(in).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8).strip()).startsWith("mms: the calendar cannot be read: not iCalendar").doesNotContain("\n\tat ");
        assertThat(dir.resolve("not-ical.txt.migrated.ics")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isOne();
        }
    }

    @Test
    void a_meeting_that_cannot_be_migrated_safely_stops_the_write_and_names_the_meeting() throws IOException {
        Path in = copy("ics/bad/missing-end-fence.ics");

        int code = mms(base(in).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.MEETINGS_FAILED);
        assertThat(out.toString(UTF_8)).contains("FAILED").contains("END_FENCE_MISSING").contains("UID ").contains("Nothing written");
        assertThat(dir.resolve("missing-end-fence.migrated.ics")).doesNotExist();
    }

    @Test
    void skip_failed_writes_the_calendar_with_the_failed_meeting_left_as_it_was() throws IOException {
        Path in = copy("ics/bad/missing-end-fence.ics");
        List<String> args = base(in);
        args.add(1, "--skip-failed");

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isZero();
        assertThat(Files.readAllBytes(dir.resolve("missing-end-fence.migrated.ics"))).isEqualTo(Files.readAllBytes(in));
    }

    @Test
    void a_broken_profile_lists_every_problem_at_once() throws IOException {
        Path in = copy("ics/teams-t2-en-dialin.ics");
        Path profile = dir.resolve("bad-profile.json");
        Files.writeString(profile, "{\"meetingType\": \"zoom\", \"joinUrl\": \"ftp://x\", \"dialIn\": [{\"number\": \"12\"}], \"colour\": 1}");
        List<String> args = base(in);
        args.set(args.indexOf("--profile") + 1, profile.toString());

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8)).contains("meetingType must be").contains("unknown field \"colour\"")
                .contains("dialIn[0]").contains("problems");
    }

    @Test
    void a_profile_footer_with_script_or_a_fence_line_is_refused_naming_the_footer_field() throws IOException {
        Path in = copy("ics/skype-onprem-custom-footer.ics");
        Path profile = dir.resolve("footer-profile.json");
        Files.writeString(profile, """
                {"meetingType": "skype", "joinUrl": "https://meet.lync.com/contoso/alice/{meetingKey}",
                 "footer": {"text": "Help desk\\n%s", "html": "<p>Help</p><img src=x onerror=alert(1)>", "logo": "x"}}
                """.formatted(".".repeat(137)));
        List<String> args = base(in);
        args.set(args.indexOf("--profile") + 1, profile.toString());

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8)).contains("footer: unknown field \"logo\" (known: html, text)")
                .contains("footer.text must not have a line of dots or underscores like the block's own fence (line 2)")
                .contains("footer.html must not contain event handlers (onerror on <img>)");
        assertThat(dir.resolve("skype-onprem-custom-footer.migrated.ics")).doesNotExist();
    }

    @Test
    void the_json_report_counts_what_the_text_report_shows() throws IOException {
        Path in = copy("ics/series-weekly-overrides.ics");
        List<String> args = base(in);
        args.add(1, "--json");

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(out.toString(UTF_8));
        assertThat(report.path("meetings").size()).isEqualTo(4);
        assertThat(report.path("summary").path("migrated").asInt()).isEqualTo(3);
        assertThat(report.path("summary").path("byOutcome").path("skipped:PAST_OVERRIDE").asInt()).isEqualTo(1);
    }

    @Test
    void output_to_standard_output_sends_the_report_to_standard_error() throws IOException {
        Path in = copy("ics/lf-only.ics");
        List<String> args = base(in);
        args.add(1, "-o");
        args.add(2, "-");

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isZero();
        assertThat(out.toString(UTF_8)).startsWith("BEGIN:VCALENDAR\n").doesNotContain("\r");
        assertThat(err.toString(UTF_8)).contains("migrated");
    }

    @Test
    void refuses_to_overwrite_the_input() throws IOException {
        Path in = copy("ics/lf-only.ics");
        List<String> args = base(in);
        args.add(1, "-o");
        args.add(2, in.toString());
        byte[] before = Files.readAllBytes(in);

        int code = mms(args.toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(UTF_8)).contains("would overwrite the input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--organizer, alice", "--organizer, alice@", "--organizer, alice@@contoso.com", "--organizer, alice smith@contoso.com",
        "--alias, alice.smith", "--alias, @contoso.com", "--alias, alice@contoso.com@x"})
    void a_malformed_organizer_or_alias_is_a_wrong_command_line_with_one_line_and_no_output(String option, String value)
            throws IOException {
        Path in = copy("ics/lf-only.ics");
        List<String> args = base(in);
        args.set(args.indexOf(option) + 1, value);

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(UTF_8).strip()).startsWith("mms: migrate-ics: ").contains(option, "not an e-mail address: " + value)
                .doesNotContain("\n");
        assertThat(dir.resolve("lf-only.migrated.ics")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--organizer, mailto:Alice@Contoso.com", "--alias, MAILTO:alice.smith@contoso.com"})
    void an_address_with_the_mailto_scheme_or_capitals_is_accepted_by_both_options(String option, String value) throws IOException {
        Path in = copy("ics/lf-only.ics");
        List<String> args = base(in);
        args.set(args.indexOf(option) + 1, value);

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isZero();
        assertThat(dir.resolve("lf-only.migrated.ics")).exists();
    }

    @Test
    void the_object_id_option_lets_an_outlook_export_migrate_and_the_json_report_names_the_evidence_of_each_decision()
            throws IOException {
        Path in = copy("ics/outlook-export-no-addin-properties.ics");
        List<String> args = base(in);
        args.addAll(1, List.of("--json", "--object-id", "B7D1C2E4-8F3A-4C6B-9E2D-1A5F7C3B9D80"));

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isZero();
        JsonNode meetings = JsonMapper.builder().build().readTree(out.toString(UTF_8)).path("meetings");
        assertThat(meetings.get(0).path("evidence").path("kind").asString()).isEqualTo("SKYPE_JOIN_LINK");
        assertThat(meetings.get(1).path("evidence").path("kind").asString()).isEqualTo("TEAMS_JOIN_LINK");
        assertThat(meetings.get(1).path("evidence").path("detail").asString()).contains("b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80");
        assertThat(meetings.get(2).path("reason").asString()).isEqualTo("NO_ONLINE_MEETING");
    }

    @Test
    void require_addin_properties_leaves_an_outlook_export_alone_and_the_text_report_says_why() throws IOException {
        Path in = copy("ics/outlook-export-no-addin-properties.ics");
        List<String> args = base(in);
        args.add(1, "--require-addin-properties");

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isZero();
        assertThat(out.toString(UTF_8)).contains("0 migrated", "which this run requires");
    }

    @Test
    void the_text_report_says_which_evidence_made_a_meeting_the_organizers() throws IOException {
        Path in = copy("ics/outlook-export-no-addin-properties.ics");
        List<String> args = base(in);
        args.addAll(1, List.of("--conference-id", "658 389 278"));

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isZero();
        assertThat(out.toString(UTF_8)).contains("the organizer's by the Skype join link: it names the organizer's SIP user alice",
                "the organizer's by the conference ID: the block shows the organizer's conference ID 658389278");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--object-id, alice", "--object-id, b7d1c2e4-8f3a-4c6b-9e2d", "--object-id, {b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80}",
        "--conference-id, 12a45", "--conference-id, 123", "--conference-id, 123456789012345678901"})
    void a_malformed_object_id_or_conference_id_is_a_wrong_command_line_with_one_line_and_no_output(String option, String value)
            throws IOException {
        Path in = copy("ics/lf-only.ics");
        List<String> args = base(in);
        args.addAll(1, List.of(option, value));

        int code = mms(args.toArray(String[]::new));

        assertThat(code).as(err.toString(UTF_8)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(UTF_8).strip()).startsWith("mms: migrate-ics: ").contains(option).doesNotContain("\n");
        assertThat(dir.resolve("lf-only.migrated.ics")).doesNotExist();
    }

    private static Part findCalendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = findCalendarPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every line {@code text} holds, and none holding a control character. */
    private static List<String> printableLines(String text) {
        List<String> lines = text.lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.chars().filter(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)))
                .as("control characters in: %s", l).isEmpty());
        return lines;
    }

    @Test
    void a_meeting_nested_5000_deep_gets_one_clear_failed_line_and_no_stack_trace() throws IOException {
        Path in = dir.resolve("nested.ics");
        Files.write(in, org.mms.testing.HostileCalendars.nestedInFirstEvent(Files.readAllBytes(fixture("ics/teams-t2-en-dialin.ics")), 5_000));

        int code = mms(base(in).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.MEETINGS_FAILED);
        String report = out.toString(UTF_8);
        assertThat(report).doesNotContain("\tat ").doesNotContain("StackOverflow");
        assertThat(err.toString(UTF_8)).doesNotContain("\tat ").doesNotContain("StackOverflow");
        assertThat(printableLines(report)).filteredOn(l -> l.startsWith("FAILED")).singleElement().asString()
                .contains("INVALID_EVENT").contains("nested more than 32 levels deep");
        assertThat(dir.resolve("nested.migrated.ics")).doesNotExist();
    }

    @Test
    void a_file_whose_first_line_holds_control_bytes_and_line_breaks_gets_one_printable_error_line() throws IOException {
        Path in = dir.resolve("hostile.ics");
        Files.write(in, "\u001b[2J\u0007BEGIN:VEVENT\rSUMMARY:x\u0000\u009b\u202e".getBytes(UTF_8));

        int code = mms(base(in).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(printableLines(err.toString(UTF_8))).singleElement().asString()
                .startsWith("mms: the calendar cannot be read").contains("\\x1B[2J\\x07").contains("\\x00").contains("<U+202E>");
    }

    @Test
    void a_failed_meeting_whose_title_and_values_hold_control_bytes_and_line_breaks_is_reported_on_one_printable_line()
            throws IOException {
        String calendar = Files.readString(fixture("ics/bad/missing-end-fence.ics"), UTF_8)
                .replace("SUMMARY;LANGUAGE=en-us:Steering committee", "SUMMARY;LANGUAGE=en-us:Steering\\ncommittee\u001b[31m\\nred\u0007!");
        Path in = dir.resolve("control.ics");
        Files.writeString(in, calendar, UTF_8);

        int code = mms(base(in).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.MEETINGS_FAILED);
        assertThat(printableLines(out.toString(UTF_8))).filteredOn(l -> l.startsWith("FAILED")).singleElement().asString()
                .contains("Steering committee\\x1B[31m red\\x07!").contains("END_FENCE_MISSING");
    }
}
