package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.Mailbox;
import org.mms.itip.MessageOutbox;
import org.mms.itip.OrganizerNotice;
import org.mms.migration.MigrationType;
import org.mms.queue.Claimed;
import org.mms.queue.Completion;
import org.mms.queue.MigrationState;
import org.mms.queue.WorkerId;

/**
 * A notice to an organizer as the database keeps it (V025): queued in the outbox in the same transaction that puts its
 * request back to pending, due later and marked as noticed, or not at all; read back as a notice, not as an update. Each
 * database gets a subclass.
 */
abstract class OrganizerNoticeQueueContract {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** The database, migrated; its queue and outbox are emptied before each test. */
    protected abstract SharedDatabase database();

    private TenantId tenant;
    private JdbcMigrationQueue queue;
    private JdbcMessageOutbox outbox;

    @BeforeEach
    void empty_the_queue_and_the_outbox() {
        database().deleteAll("outbox_message");
        database().deleteAll("migration_transition");
        database().deleteAll("migration_request");
        tenant = new TenantId("notice-" + UUID.randomUUID().toString().substring(0, 8));
        database().createTenants(tenant);
        queue = new JdbcMigrationQueue(database().db());
        outbox = new JdbcMessageOutbox(database().db());
    }

    private Claimed claimedRequest() {
        queue.enqueue(tenant, new UserId("alice"), "alice@contoso.com", MigrationType.TO_SAME_TYPE, "conference ID reset", T0, Duration.ZERO);
        return queue.claim(new WorkerId("w1"), T0, LEASE, 1).getFirst();
    }

    private static OrganizerNotice notice(Claimed claimed) {
        return new OrganizerNotice(claimed.request().correlationId().toString(), Mailbox.of("alice@contoso.com", "Alice Wood"),
                "Your meetings will be updated: new online meeting details", "Hello Alice Wood,\n\n- Weekly sync ünd 会议\n");
    }

    @Test
    void the_notice_is_queued_as_the_request_goes_back_to_pending_until_the_time_it_gives_and_comes_back_as_a_notice() {
        Claimed claimed = claimedRequest();
        Instant due = T0.plus(Duration.ofMinutes(60));

        Completion completion = queue.noticeSent(claimed.lease(), notice(claimed), "notice sent", due, T0);

        assertThat(completion).isInstanceOfSatisfying(Completion.Recorded.class, r -> {
            assertThat(r.request().state()).isEqualTo(MigrationState.PENDING);
            assertThat(r.request().dueAt()).isEqualTo(due);
            assertThat(r.request().noticeSentAt()).contains(T0);
            assertThat(r.request().lastMessage()).isEqualTo("notice sent");
        });
        assertThat(outbox.pacing(tenant, T0).waiting()).as("a notice is no update").isZero();
        assertThat(queue.claim(new WorkerId("w2"), due.minusSeconds(1), LEASE, 1)).isEmpty();
        List<MessageOutbox.Queued> sending = outbox.claim(T0, T0.plus(LEASE), 10);
        assertThat(sending).singleElement().satisfies(q -> {
            assertThat(q.tenant()).isEqualTo(tenant);
            assertThat(q.request()).isEqualTo(notice(claimed));
        });
        assertThat(queue.claim(new WorkerId("w2"), due, LEASE, 1)).singleElement()
                .satisfies(c -> assertThat(c.request().noticeSentAt()).contains(T0));
    }

    @Test
    void a_worker_whose_lease_was_taken_back_queues_no_notice() {
        Claimed claimed = claimedRequest();
        queue.reapExpiredLeases(T0.plus(LEASE).plusSeconds(1));

        Completion completion = queue.noticeSent(claimed.lease(), notice(claimed), "notice sent", T0.plus(Duration.ofHours(1)), T0);

        assertThat(completion).isInstanceOf(Completion.LeaseLost.class);
        assertThat(outbox.counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }
}
