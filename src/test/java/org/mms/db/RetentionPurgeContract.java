package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.Views;
import org.mms.block.MeetingType;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.ComponentPlan;
import org.mms.migration.MeetingPlan;
import org.mms.migration.MigrationJournal;
import org.mms.migration.MigrationJournal.Intent;
import org.mms.migration.MigrationJournal.Planned;
import org.mms.migration.MigrationJournal.Run;
import org.mms.migration.MigrationJournal.Unwritten;
import org.mms.migration.MigrationType;
import org.mms.migration.Outcome;
import org.mms.migration.OwnerEvidence;
import org.mms.queue.Claimed;
import org.mms.queue.Counts;
import org.mms.queue.MigrationRequest;
import org.mms.queue.WorkerId;
import org.mms.testing.ItipRequests;
import org.mms.testing.MutableClock;

/**
 * Retention removes a migration that ended before the cutoff with everything it recorded: what it did to each meeting,
 * the bytes an undo would have put back, its sent messages and the decisions of that time. What is still at work stays:
 * a write never settled (the organizer's next run settles it by its rows), a message still waiting to be sent, and all
 * of a migration that ended after the cutoff. Each database gets a subclass.
 */
abstract class RetentionPurgeContract {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(150);
    private static final Duration SETTLE = Duration.ofMinutes(10);

    /** The database, migrated; shared by the class's tests, which keep apart by tenant. */
    protected abstract SharedDatabase database();

    private final MutableClock clock = MutableClock.at(T0);
    private TenantId tenant;
    private JdbcMigrationQueue queue;
    private JdbcMigrationJournal journal;
    private JdbcMessageOutbox outbox;
    private JdbcDecisionLog decisions;

    @BeforeEach
    void a_tenant_of_its_own() {
        tenant = new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
        QueueTenants.create(database().db(), tenant);
        queue = new JdbcMigrationQueue(database().db());
        journal = new JdbcMigrationJournal(database().db());
        outbox = new JdbcMessageOutbox(database().db());
        decisions = new JdbcDecisionLog(database().db());
    }

    @Test
    void a_migration_that_ended_before_the_cutoff_goes_with_its_journal_its_previous_bytes_and_its_sent_messages() {
        Migration old = migrate(new UserId("alice"));
        clock.advance(RETENTION.plusDays(1));
        Migration recent = migrate(new UserId("bob"));

        int purged = queue.purgeFinishedBefore(tenant, clock.instant().minus(RETENTION));

        assertThat(purged).isEqualTo(1);
        assertThat(rows("meeting_change", old.correlationId())).as("only the write that was never settled").isEqualTo(1);
        assertThat(rows("written_resource", old.correlationId())).as("its previous bytes, which settle it").isEqualTo(1);
        assertThat(messages(old.correlationId())).as("the held message of the open write and the one waiting to go")
                .containsExactlyInAnyOrder("HELD", "PENDING");
        assertThat(contentsOfMessages(old.correlationId())).isEqualTo(2);
        assertThat(journal.openIntents(tenant, old.user())).extracting(Intent::href).containsExactly("open.ics");
        assertThat(rows("migration_transition", old.correlationId())).isZero();

        assertThat(rows("meeting_change", recent.correlationId())).isEqualTo(4);
        assertThat(rows("written_resource", recent.correlationId())).isEqualTo(3);
        assertThat(messages(recent.correlationId())).containsExactlyInAnyOrder("SENT", "HELD", "PENDING");
        assertThat(rows("migration_transition", recent.correlationId())).isEqualTo(3);
    }

    @Test
    void the_trigger_decisions_made_before_the_cutoff_go_and_the_later_ones_stay() {
        decide("alice", clock.instant());
        clock.advance(RETENTION.plusDays(1));
        decide("bob", clock.instant());

        queue.purgeFinishedBefore(tenant, clock.instant().minus(RETENTION));

        assertThat(decisions.list(tenant, Optional.empty(), Optional.empty(), 100)).extracting(Views.TriggerDecision::UserId)
                .containsExactly("bob");
    }

    @Test
    void each_tenant_is_purged_by_its_own_retention_and_never_touches_another_tenants_records() {
        Migration contoso = migrate(new UserId("alice"));
        TenantId contosoId = tenant;
        a_tenant_of_its_own();
        Migration fabrikam = migrate(new UserId("alice"));
        clock.advance(Duration.ofDays(31));

        assertThat(queue.purgeFinishedBefore(fabrikam.tenant(), clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);

        assertThat(rows("meeting_change", fabrikam.correlationId())).isEqualTo(1);
        assertThat(rows("meeting_change", contoso.correlationId())).as("the other tenant's, as old, untouched").isEqualTo(4);
        assertThat(messages(contoso.correlationId())).containsExactlyInAnyOrder("SENT", "HELD", "PENDING");
        assertThat(queue.purgeFinishedBefore(contosoId, clock.instant().minus(RETENTION))).as("within its own retention").isZero();
    }

    /** A migration as the engine records one, then ended. */
    private record Migration(TenantId tenant, UserId user, String correlationId) {
    }

    /**
     * One migration of {@code user}: a meeting left as it was, one written and its update sent, one written whose
     * update waits (pacing), and one announced whose write was never confirmed (its worker died); then it succeeds.
     */
    private Migration migrate(UserId user) {
        queue.enqueue(tenant, user, user.value() + "@" + tenant.value() + ".com", MigrationType.ALL_TO_TEAMS, "conference id reset",
                clock.instant(), SETTLE);
        clock.advance(SETTLE);
        Claimed claimed = queue.claim(new WorkerId("host/worker-1"), clock.instant(), Duration.ofMinutes(5), 10).stream()
                .filter(c -> c.request().user().equals(user)).findFirst().orElseThrow();
        MigrationRequest request = claimed.request();
        String correlationId = request.correlationId().toString();
        Run run = new Run(tenant, user, correlationId, clock.instant());
        journal.begin(run, List.of(new Unwritten("current.ics", List.of(meeting("current", false)))), List.of(
                planned("sent.ics", "sent"), planned("waiting.ics", "waiting"), planned("open.ics", "open")));
        journal.settle(List.of(Intent.of(run, "sent.ics", "hash-sent"), Intent.of(run, "waiting.ics", "hash-waiting")), List.of());
        outbox.sent(database().db().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM outbox_message WHERE correlation_id = :c AND href = 'sent.ics'").bind("c", correlationId)
                .mapTo(Long.class).list()), clock.instant());
        queue.succeed(claimed.lease(), new Counts(4, 3, 0, 3), "", clock.instant());
        return new Migration(tenant, user, correlationId);
    }

    private Planned planned(String href, String name) {
        String uid = tenant.value() + "-" + name;
        return new Planned(href, List.of(meeting(name, true)), "hash-" + name, Optional.of("\"etag-" + name + "\""),
                List.of(ItipRequests.aRequest().uid(uid).build()), ("BEGIN:VCALENDAR\r\nUID:" + uid + "\r\nEND:VCALENDAR\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private MeetingPlan meeting(String name, boolean migrated) {
        String uid = tenant.value() + "-" + name;
        byte[] bytes = "BEGIN:VEVENT\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8);
        Outcome outcome = migrated
                ? new Outcome.Migrated(bytes, List.of(), "Skype-Besprechung beitreten", "Microsoft Teams-Besprechung", MeetingType.SKYPE,
                        MeetingType.TEAMS, OwnerEvidence.addInProperties())
                : new Outcome.Unchanged("current", OwnerEvidence.addInProperties());
        return new MeetingPlan(uid, List.of(new ComponentPlan(uid, Optional.empty(), "Weekly " + name, Optional.of(T0.plus(Duration.ofDays(400))),
                bytes, outcome)));
    }

    private void decide(String user, Instant at) {
        decisions.record(tenant, new Views.TriggerDecision(user, user + "@" + tenant.value() + ".com", "ConferenceIdReset", "",
                "Queued", "AllToTeams", "the conference ID changed", null, at));
    }

    private int rows(String table, String correlationId) {
        return database().db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE correlation_id = :c")
                .bind("c", correlationId).mapTo(Integer.class).one());
    }

    private List<String> messages(String correlationId) {
        return database().db().jdbi().withHandle(h -> h.createQuery("SELECT state FROM outbox_message WHERE correlation_id = :c")
                .bind("c", correlationId).mapTo(String.class).list());
    }

    private int contentsOfMessages(String correlationId) {
        return database().db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_content c JOIN outbox_message m"
                + " ON m.id = c.message_id WHERE m.correlation_id = :c").bind("c", correlationId).mapTo(Integer.class).one());
    }
}
