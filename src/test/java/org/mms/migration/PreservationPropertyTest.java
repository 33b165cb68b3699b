package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.testing.GoldenRule;
import org.mms.testing.RandomInvitations;
import org.mms.testing.Seeds;

/**
 * Generated invitations (seeded; replay with {@code -Dpbt.seed=N}) in every shape the generator knows,
 * migrated to Teams and to Skype (with an organization's custom footer): each must be migrated, pass the
 * golden rule, keep the file's line endings, fold what it writes within 75 octets without splitting a UTF-8
 * sequence, and come out of a second migration unchanged.
 */
class PreservationPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final SelectionRules RULES = SelectionRules.of(Organizer.of(RandomInvitations.ORGANIZER), NOW);

    @Test
    void generated_invitations_keep_every_byte_outside_the_block_when_moved_to_teams() {
        check(teamsTarget(), Seeds.seed(20261123L), Seeds.cases(400));
    }

    @Test
    void generated_invitations_keep_every_byte_outside_the_block_when_moved_to_skype() {
        check(skypeTarget(), Seeds.seed(7L), Seeds.cases(400));
    }

    private static void check(CoordinatesTemplate target, long seed, int cases) {
        PlanMeeting planner = PlanMeeting.create(RULES, target, Map.of(), ZoneOffset.UTC);
        RandomInvitations invitations = new RandomInvitations(seed);
        for (int i = 0; i < cases; i++) {
            RandomInvitations.Invitation inv = invitations.next();
            String where = "seed " + seed + ", case " + i + " (replay with -Dpbt.seed=" + seed + ")\n"
                    + new String(inv.event(), UTF_8);
            ComponentPlan plan = planner.plan(List.of(inv.event())).components().getFirst();

            assertThat(plan.outcome()).as(where).isInstanceOf(Outcome.Migrated.class);
            Outcome.Migrated migrated = (Outcome.Migrated) plan.outcome();
            try {
                GoldenRule.check(inv.event(), migrated.bytes(), migrated.edits());
            } catch (AssertionError e) {
                throw new AssertionError(where + "\n" + e.getMessage(), e);
            }
            assertLineEndingsKept(inv, migrated.bytes(), where);
            assertWrittenLinesFolded(inv, migrated, where);

            ComponentPlan again = planner.plan(List.of(migrated.bytes())).components().getFirst();
            assertThat(again.outcome()).as("second migration of " + where).isInstanceOf(Outcome.Unchanged.class);
        }
    }

    private static void assertLineEndingsKept(RandomInvitations.Invitation inv, byte[] out, String where) {
        String s = new String(out, UTF_8);
        if (inv.lineEnding().equals("\n")) {
            assertThat(s).as("LF-only stays LF-only: " + where).doesNotContain("\r");
        } else {
            assertThat(s.replace("\r\n", "")).as("CRLF stays CRLF: " + where).doesNotContain("\n");
        }
    }

    /** Every physical line inside what MMS wrote is at most 75 octets and starts on a character boundary. */
    private static void assertWrittenLinesFolded(RandomInvitations.Invitation inv, Outcome.Migrated m, String where) {
        byte[] out = m.bytes();
        int shift = 0;
        for (var edit : m.edits()) {
            int from = edit.start() + shift;
            int to = from + edit.replacement().length;
            shift += edit.replacement().length - (edit.end() - edit.start());
            for (int i = from; i < to; i++) {
                if (out[i] == '\n' && i + 1 < out.length && (out[i + 1] == ' ' || out[i + 1] == '\t') && i + 2 < to) {
                    assertThat(out[i + 2] & 0xc0).as("fold at %d splits a UTF-8 sequence: %s", i, where).isNotEqualTo(0x80);
                }
            }
        }
        if (inv.folded()) {
            for (ContentLine line : ContentLines.scan(out)) {
                int start = line.start();
                for (int i = line.start(); i <= line.contentEnd(); i++) {
                    if (i == line.contentEnd() || out[i] == '\n') {
                        int end = i > start && out[i - 1] == '\r' && i < line.contentEnd() ? i - 1 : i;
                        assertThat(end - start).as("physical line of %s over 75 octets: %s", line.name(), where).isLessThanOrEqualTo(75);
                        start = i + 1;
                    }
                }
            }
        }
    }

    private static CoordinatesTemplate teamsTarget() {
        return new CoordinatesTemplate(MeetingType.TEAMS, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0",
                Optional.of("355132640047"), Optional.of("xgUo7v"), Optional.of("582913407"),
                List.of(new DialInNumber("+4969365301", DialInNumber.Kind.TOLL, "+49 69 365301", Optional.of("Deutschland, Frankfurt")),
                        new DialInNumber("+18005550199", DialInNumber.Kind.TOLL_FREE, "+1 800-555-0199", Optional.of("United States"))),
                Optional.of(URI.create("https://dialin.teams.microsoft.com/x?id=582913407")), Optional.empty(),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), Optional.empty(), Locale.GERMANY, Optional.empty());
    }

    private static CoordinatesTemplate skypeTarget() {
        return new CoordinatesTemplate(MeetingType.SKYPE, "https://meet.lync.com/contoso/alice/{uidHash}", Optional.empty(),
                Optional.empty(), Optional.of("48213"),
                List.of(new DialInNumber("+14255550142", DialInNumber.Kind.TOLL, "+1 (425) 555-0142", Optional.of("Redmond"))),
                Optional.empty(), Optional.of(URI.create("https://dialin.lync.com/pin")), Optional.empty(), Optional.empty(),
                Locale.forLanguageTag("sv-SE"), Optional.of(new CustomFooter(
                        "Videosystem: ring anna.48213@video.contoso.se\nServicedesk: +46 8 555 012 34",
                        "<p><img src=\"https://www.contoso.se/logo.png\" alt=\"Contoso\"></p><p>Videosystem: ring "
                                + "<b>anna.48213@video.contoso.se</b><br>Servicedesk: <a href=\"tel:+46855501234\">+46 8 555 012 34</a></p>")));
    }
}
