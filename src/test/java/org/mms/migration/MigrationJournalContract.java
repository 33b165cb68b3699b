package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.MeetingHistory;
import org.mms.admin.Views.MeetingResult;
import org.mms.block.MeetingType;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.MessageOutbox;
import org.mms.migration.MigrationJournal.Intent;
import org.mms.migration.MigrationJournal.Run;
import org.mms.testing.ItipRequests;

/**
 * What every {@link MigrationJournal} (with its {@link MeetingHistory}) must do: keep each meeting's
 * decisions, and hold a changed meeting's update message back until its write is confirmed, so that
 * a crash between announcing and confirming a write neither loses nor doubles an update. Each
 * database gets a subclass that says how to open the adapter. The tests share one database per
 * class and keep apart by tenant, user, correlation id and UID.
 */
public abstract class MigrationJournalContract {

    private static final OwnerEvidence TEAMS_LINK_EVIDENCE = new OwnerEvidence(OwnerEvidence.Kind.TEAMS_JOIN_LINK,
            "it names the organizer's object id 3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43");

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T14:30:00Z");

    /** Reads the old and new block of a migrated, written meeting. */
    @FunctionalInterface
    public interface Blocks {
        Optional<String[]> of(TenantId tenant, String correlationId, String uid);
    }

    /** The journal and what reads it: the history, the blocks, and the outbox its messages go to. */
    public record Adapter(MigrationJournal journal, MeetingHistory history, Blocks blocks, MessageOutbox outbox) {
    }

    /**
     * An adapter on the database this test class shares. What earlier adapters wrote is there, so
     * opening another one is what a restarted process sees.
     */
    protected abstract Adapter open();

    private Adapter adapter;
    private MigrationJournal journal;
    private TenantId tenant;
    private UserId user;

    @BeforeEach
    void open_the_journal() {
        adapter = open();
        journal = adapter.journal();
        tenant = new TenantId("tenant-" + UUID.randomUUID());
        user = UserId.random();
    }

    // ---- decisions and history ----

    @Test
    void recorded_decisions_read_back_in_the_order_they_were_made() {
        Run run = newRun();
        String first = newUid();
        String second = newUid();
        journal.record(run, "a.ics", List.of(new MeetingPlan(first, List.of(
                component(first, Optional.empty(), "Wöchentliche Abstimmung 🗓️ 週次定例", Optional.of(START),
                        new Outcome.Unchanged("already shows the Teams coordinates", TEAMS_LINK_EVIDENCE)),
                component(first, Optional.of("20261208T143000Z"), "Wöchentliche Abstimmung (verschoben)", Optional.empty(),
                        new Outcome.Skipped(SkipReason.PAST_OVERRIDE, "ended before the migration"))))));
        journal.record(run, "b.ics", List.of(new MeetingPlan(second, List.of(
                component(second, Optional.empty(), "Board", Optional.of(START.plus(Duration.ofDays(1))),
                        new Outcome.Failed(FailReason.AMBIGUOUS_BLOCK, "two join blocks in the description"))))));

        assertThat(adapter.history().meetings(tenant, run.correlationId())).containsExactly(
                new MeetingResult(run.correlationId(), first, null, "Wöchentliche Abstimmung 🗓️ 週次定例", START, "UNCHANGED", null,
                        "already shows the Teams coordinates; the organizer's by the Teams join link: it names the organizer's object id"
                                + " 3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43", NOW),
                new MeetingResult(run.correlationId(), first, "20261208T143000Z", "Wöchentliche Abstimmung (verschoben)", null,
                        "SKIPPED", "PAST_OVERRIDE", "ended before the migration", NOW),
                new MeetingResult(run.correlationId(), second, null, "Board", START.plus(Duration.ofDays(1)), "FAILED",
                        "AMBIGUOUS_BLOCK", "two join blocks in the description", NOW));
        assertThat(journal.openIntents(tenant, user)).isEmpty();
    }

    @Test
    void the_history_keeps_the_order_meetings_were_handled_in_across_writes() {
        Run run = newRun();
        String a = newUid();
        String b = newUid();
        String c = newUid();
        journal.record(run, "a.ics", List.of(unchangedMeeting(a)));
        journal.intend(run, "b.ics", List.of(migratedMeeting(b)), "hash-b", Optional.empty(), List.of());
        journal.record(run, "c.ics", List.of(unchangedMeeting(c)));
        journal.complete(Intent.of(run, "b.ics", "hash-b"));

        assertThat(adapter.history().meetings(tenant, run.correlationId())).extracting(MeetingResult::Uid, MeetingResult::Outcome)
                .containsExactly(tuple(a, "UNCHANGED"), tuple(b, "MIGRATED"), tuple(c, "UNCHANGED"));
    }

    @Test
    void the_history_of_a_migration_is_its_tenants_only() {
        Run run = newRun();
        journal.record(run, "a.ics", List.of(unchangedMeeting(newUid())));

        assertThat(adapter.history().meetings(tenant, run.correlationId())).hasSize(1);
        assertThat(adapter.history().meetings(new TenantId("tenant-" + UUID.randomUUID()), run.correlationId())).isEmpty();
        assertThat(adapter.history().meetings(tenant, UUID.randomUUID().toString())).isEmpty();
    }

    // ---- the intent protocol ----

    @Test
    void an_intended_write_stays_open_and_a_restarted_journal_finds_it_with_the_version_it_was_conditional_on() {
        Run run = newRun();
        String uid = newUid();
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "sha256-of-the-new-bytes", Optional.of("\"etag-1\""),
                List.of(update(uid)));

        MigrationJournal restarted = open().journal();

        assertThat(restarted.openIntents(tenant, user)).containsExactly(
                new Intent(tenant, user, run.correlationId(), "meeting.ics", "sha256-of-the-new-bytes", Optional.of("\"etag-1\"")));
    }

    @Test
    void an_open_intent_gives_the_blocks_it_meant_to_write_one_per_migrated_component() {
        Run run = newRun();
        String uid = newUid();
        intendSeries(run, uid);

        List<MigrationJournal.MeantBlock> meant = open().journal().meantBlocks(journal.openIntents(tenant, user).getFirst());

        assertThat(meant).extracting(MigrationJournal.MeantBlock::uid, MigrationJournal.MeantBlock::recurrenceId)
                .containsExactly(tuple(uid, Optional.empty()), tuple(uid, Optional.of("20261208T143000Z")));
        assertThat(meant).extracting(MigrationJournal.MeantBlock::text).containsOnly("Microsoft Teams-Besprechung 🚀");
    }

    @Test
    void one_intent_stands_for_all_the_migrated_components_of_a_resource() {
        Run run = newRun();
        String uid = newUid();
        intendSeries(run, uid);

        assertThat(journal.openIntents(tenant, user)).containsExactly(Intent.of(run, "series.ics", "hash", Optional.of("\"etag-1\"")));
    }

    @Test
    void a_message_is_held_back_until_its_write_is_confirmed() {
        Run run = newRun();
        String uid = newUid();
        ItipRequest update = update(uid);
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "hash", Optional.empty(), List.of(update));

        assertThat(claimAllOf(uid)).as("claimable before the write is confirmed").isEmpty();

        journal.complete(Intent.of(run, "meeting.ics", "hash"));

        assertThat(claimAllOf(uid)).containsExactly(update);
    }

    @Test
    void completing_an_intent_closes_it_and_keeps_its_decisions_and_blocks() {
        Run run = newRun();
        String uid = newUid();
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "hash", Optional.empty(), List.of());
        assertThat(adapter.blocks().of(tenant, run.correlationId(), uid)).as("blocks before the write is confirmed").isEmpty();

        open().journal().complete(Intent.of(run, "meeting.ics", "hash"));

        assertThat(journal.openIntents(tenant, user)).isEmpty();
        assertThat(adapter.history().meetings(tenant, run.correlationId())).extracting(MeetingResult::Uid, MeetingResult::Outcome)
                .containsExactly(tuple(uid, "MIGRATED"));
        assertThat(adapter.blocks().of(tenant, run.correlationId(), uid)).hasValueSatisfying(
                blocks -> assertThat(blocks).containsExactly("Skype-Besprechung beitreten", "Microsoft Teams-Besprechung 🚀"));
    }

    @Test
    void the_html_blocks_of_two_migrations_of_a_meeting_come_back_for_undo_as_the_first_before_and_the_last_after() {
        Run first = newRun();
        Run second = newRun();
        String uid = newUid();
        byte[] bytes = "BEGIN:VEVENT\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8);
        journal.intend(first, "meeting.ics", List.of(new MeetingPlan(uid, List.of(component(uid, Optional.empty(), "Weekly",
                Optional.of(START), new Outcome.Migrated(bytes, List.of(), "skype", "teams 1", Optional.of(new HtmlBlocks("<p>skype</p>",
                        "<p>teams 1</p>")), MeetingType.SKYPE, MeetingType.TEAMS, OwnerEvidence.addInProperties()))))), "hash-1",
                Optional.empty(), List.of(), bytes);
        journal.complete(Intent.of(first, "meeting.ics", "hash-1"));
        journal.intend(second, "meeting.ics", List.of(new MeetingPlan(uid, List.of(component(uid, Optional.empty(), "Weekly",
                Optional.of(START), new Outcome.Migrated(bytes, List.of(), "teams 1", "teams 2", Optional.of(new HtmlBlocks("<p>teams 1</p>",
                        "<p>teams 2</p>")), MeetingType.TEAMS, MeetingType.TEAMS, OwnerEvidence.addInProperties()))))), "hash-2",
                Optional.empty(), List.of(), bytes);
        journal.complete(Intent.of(second, "meeting.ics", "hash-2"));

        var written = journal.writtenBy(tenant, user, List.of(first.correlationId(), second.correlationId()));

        assertThat(written).singleElement().satisfies(r -> assertThat(r.components()).singleElement().satisfies(c -> {
            assertThat(c.previousBlock()).isEqualTo("skype");
            assertThat(c.newBlock()).isEqualTo("teams 2");
            assertThat(c.html()).contains(new HtmlBlocks("<p>skype</p>", "<p>teams 2</p>"));
        }));
    }

    @Test
    void abandoning_an_intent_closes_it_forgets_its_decisions_and_drops_its_message() {
        Run run = newRun();
        String uid = newUid();
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "hash", Optional.empty(), List.of(update(uid)));

        open().journal().abandon(Intent.of(run, "meeting.ics", "hash"));

        assertThat(journal.openIntents(tenant, user)).isEmpty();
        assertThat(adapter.history().meetings(tenant, run.correlationId())).isEmpty();
        assertThat(adapter.blocks().of(tenant, run.correlationId(), uid)).isEmpty();
        journal.complete(Intent.of(run, "meeting.ics", "hash"));
        assertThat(claimAllOf(uid)).as("a message of an abandoned write, even if completed late").isEmpty();
    }

    @Test
    void a_write_retried_after_a_conflict_leaves_only_the_retry_in_the_history() {
        Run run = newRun();
        String uid = newUid();
        ItipRequest retried = ItipRequests.aRequest().uid(uid).sequence(7).build();
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "first-hash", Optional.empty(), List.of(update(uid)));
        journal.abandon(Intent.of(run, "meeting.ics", "first-hash"));
        journal.intend(run, "meeting.ics", List.of(migratedMeeting(uid)), "second-hash", Optional.empty(), List.of(retried));

        assertThat(journal.openIntents(tenant, user)).containsExactly(Intent.of(run, "meeting.ics", "second-hash"));

        journal.complete(Intent.of(run, "meeting.ics", "second-hash"));

        assertThat(adapter.history().meetings(tenant, run.correlationId())).extracting(MeetingResult::Uid).containsExactly(uid);
        assertThat(claimAllOf(uid)).containsExactly(retried);
    }

    @Test
    void settling_one_resource_leaves_the_other_intents_of_the_run_open() {
        Run run = newRun();
        String a = newUid();
        String b = newUid();
        journal.intend(run, "a.ics", List.of(migratedMeeting(a)), "hash-a", Optional.empty(), List.of(update(a)));
        journal.intend(run, "b.ics", List.of(migratedMeeting(b)), "hash-b", Optional.empty(), List.of(update(b)));

        journal.complete(Intent.of(run, "a.ics", "hash-a"));

        assertThat(journal.openIntents(tenant, user)).containsExactly(Intent.of(run, "b.ics", "hash-b"));
        assertThat(claimAllOf(b)).as("the other resource's message").isEmpty();

        journal.abandon(Intent.of(run, "b.ics", "hash-b"));

        assertThat(journal.openIntents(tenant, user)).isEmpty();
        assertThat(adapter.history().meetings(tenant, run.correlationId())).extracting(MeetingResult::Uid).containsExactly(a);
    }

    @Test
    void open_intents_are_kept_per_tenant_and_user() {
        Run run = newRun();
        UserId other = UserId.random();
        Run othersRun = new Run(tenant, other, UUID.randomUUID().toString(), NOW);
        journal.intend(run, "a.ics", List.of(migratedMeeting(newUid())), "hash-a", Optional.empty(), List.of());
        journal.intend(othersRun, "b.ics", List.of(migratedMeeting(newUid())), "hash-b", Optional.empty(), List.of());

        assertThat(journal.openIntents(tenant, user)).containsExactly(Intent.of(run, "a.ics", "hash-a"));
        assertThat(journal.openIntents(tenant, other)).containsExactly(Intent.of(othersRun, "b.ics", "hash-b"));
        assertThat(journal.openIntents(new TenantId("tenant-" + UUID.randomUUID()), user)).isEmpty();
    }

    @Test
    void only_a_migrated_meeting_has_blocks() {
        Run run = newRun();
        String migrated = newUid();
        String unchanged = newUid();
        journal.intend(run, "a.ics", List.of(migratedMeeting(migrated), unchangedMeeting(unchanged)), "hash", Optional.empty(), List.of());
        journal.complete(Intent.of(run, "a.ics", "hash"));

        assertThat(adapter.blocks().of(tenant, run.correlationId(), migrated)).isPresent();
        assertThat(adapter.blocks().of(tenant, run.correlationId(), unchanged)).isEmpty();
        assertThat(adapter.blocks().of(new TenantId("tenant-" + UUID.randomUUID()), run.correlationId(), migrated)).isEmpty();
    }

    // ---- fixtures ----

    /** The messages of this UID that a sender can claim now. */
    private List<ItipRequest> claimAllOf(String uid) {
        return adapter.outbox().claim(NOW, NOW.plus(Duration.ofMinutes(5)), 1_000).stream().map(MessageOutbox.Queued::request)
                .map(ItipRequest.class::cast).filter(r -> r.uid().equals(uid)).toList();
    }

    @Test
    void the_report_has_each_meeting_with_its_old_and_new_join_details_and_its_update_message() {
        Run run = newRun();
        String migrated = newUid();
        String skipped = newUid();
        ComponentPlan moved = component(migrated, Optional.empty(), "=cmd|' /C calc'!A0", Optional.of(START), new Outcome.Migrated(
                "BEGIN:VEVENT\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8), List.of(),
                "Join Skype Meeting<https://meet.contoso.com/alice/6N2YGD5G>\nConference ID: 68138\n",
                "Join the meeting now<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE0%40thread.v2/0>\n"
                        + "Phone conference ID: 539 145 064#\n", MeetingType.SKYPE, MeetingType.TEAMS, OwnerEvidence.addInProperties()));
        journal.intend(run, "m.ics", List.of(new MeetingPlan(migrated, List.of(moved))), "hash-m", Optional.empty(), List.of(update(migrated)));
        journal.complete(Intent.of(run, "m.ics", "hash-m"));
        journal.record(run, "s.ics", List.of(new MeetingPlan(skipped, List.of(component(skipped, Optional.empty(), "All hands",
                Optional.of(START), new Outcome.Skipped(SkipReason.TOO_MANY_ATTENDEES, "312 attendees"))))));
        journal.intend(run, "gone.ics", List.of(migratedMeeting(newUid())), "hash-gone", Optional.empty(), List.of());
        journal.abandon(Intent.of(run, "gone.ics", "hash-gone"));

        List<org.mms.admin.Views.MeetingReport> rows = adapter.history().report(tenant, new MeetingHistory.ReportFilter(
                Optional.of(user), Optional.of(run.correlationId()), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(rows).as("the write that did not happen is not reported").hasSize(2);
        org.mms.admin.Views.MeetingReport first = rows.getFirst();
        assertThat(first.Uid()).isEqualTo(migrated);
        assertThat(first.Subject()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(first.Outcome()).isEqualTo("Migrated");
        assertThat(first.OldJoinUrl()).isEqualTo("https://meet.contoso.com/alice/6N2YGD5G");
        assertThat(first.NewJoinUrl()).isEqualTo("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE0%40thread.v2/0");
        assertThat(first.OldConferenceId()).isEqualTo("68138");
        assertThat(first.NewConferenceId()).isEqualTo("539145064");
        assertThat(first.MessageId()).isNotEmpty();
        assertThat(first.MessageState()).isEqualTo("Pending");
        assertThat(rows.get(1)).extracting(r -> r.Outcome(), r -> r.Reason(), r -> r.MessageId())
                .containsExactly("Skipped", "TooManyAttendees", "");
        assertThat(adapter.history().report(tenant, new MeetingHistory.ReportFilter(Optional.of(user), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("SKIPPED")))).extracting(r -> r.Uid()).containsExactly(skipped);
        assertThat(adapter.history().report(tenant, new MeetingHistory.ReportFilter(Optional.empty(), Optional.empty(),
                Optional.of(NOW.plusSeconds(1)), Optional.empty(), Optional.empty()))).isEmpty();
        assertThat(adapter.history().report(new TenantId("tenant-" + UUID.randomUUID()), new MeetingHistory.ReportFilter(
                Optional.empty(), Optional.of(run.correlationId()), Optional.empty(), Optional.empty(), Optional.empty()))).isEmpty();
    }

    private Run newRun() {
        return new Run(tenant, user, UUID.randomUUID().toString(), NOW);
    }

    private static String newUid() {
        return "040000008200E00074C5B7101A82E008-" + UUID.randomUUID();
    }

    private static ItipRequest update(String uid) {
        return ItipRequests.aRequest().uid(uid).build();
    }

    private static MeetingPlan migratedMeeting(String uid) {
        return new MeetingPlan(uid, List.of(migrated(uid, Optional.empty())));
    }

    private static MeetingPlan unchangedMeeting(String uid) {
        return new MeetingPlan(uid, List.of(component(uid, Optional.empty(), "Stand-up", Optional.of(START), new Outcome.Unchanged("current", OwnerEvidence.addInProperties()))));
    }

    /** A series whose master and one occurrence are migrated and a later occurrence is current, about to be written. */
    private void intendSeries(Run run, String uid) {
        journal.intend(run, "series.ics", List.of(new MeetingPlan(uid, List.of(
                migrated(uid, Optional.empty()),
                migrated(uid, Optional.of("20261208T143000Z")),
                component(uid, Optional.of("20261215T143000Z"), "Weekly", Optional.of(START), new Outcome.Unchanged("current", OwnerEvidence.addInProperties()))))),
                "hash", Optional.of("\"etag-1\""), List.of());
    }

    private static ComponentPlan migrated(String uid, Optional<String> recurrenceId) {
        byte[] bytes = "BEGIN:VEVENT\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8);
        return component(uid, recurrenceId, "Weekly", Optional.of(START), new Outcome.Migrated(bytes, List.of(),
                "Skype-Besprechung beitreten", "Microsoft Teams-Besprechung 🚀", MeetingType.SKYPE, MeetingType.TEAMS,
                OwnerEvidence.addInProperties()));
    }

    private static ComponentPlan component(String uid, Optional<String> recurrenceId, String subject, Optional<Instant> start,
            Outcome outcome) {
        return new ComponentPlan(uid, recurrenceId, subject, start, "BEGIN:VEVENT\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8),
                outcome);
    }
}
