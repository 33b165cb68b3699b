package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mms.migration.MigrationType.ALL_TO_TEAMS;
import static org.mms.migration.MigrationType.SFB_TO_SFB;
import static org.mms.migration.MigrationType.SFB_TO_TEAMS;
import static org.mms.migration.MigrationType.TEAMS_TO_TEAMS;
import static org.mms.migration.MigrationType.TO_SAME_TYPE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.testing.MutableClock;

/**
 * What every {@link MigrationQueue} and {@link MigrationStatusQueries} adapter must do. Each database
 * gets an empty subclass that says how to open the adapter, so the same tests run on H2 and PostgreSQL.
 */
public abstract class MigrationQueueContract {

    protected static final TenantId CONTOSO = new TenantId("contoso");
    protected static final TenantId FABRIKAM = new TenantId("fabrikam");

    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final UserId ALICE = new UserId("3f1c6a52-0b7e-4f0e-9a55-1c2d3e4f5a6b");
    private static final UserId BOB = new UserId("8e2d7b41-5c6a-4d3b-8e9f-0a1b2c3d4e5f");
    private static final UserId CAROL = new UserId("c0ffee00-1111-4222-8333-444455556666");
    private static final WorkerId WORKER_A = new WorkerId("host-a/worker-1");
    private static final WorkerId WORKER_B = new WorkerId("host-b/worker-1");

    /** An adapter under test: both ports (usually one object) and what to close afterwards. */
    public record Adapter(MigrationQueue queue, MigrationStatusQueries status, AutoCloseable resources) {
    }

    /** A fresh, empty adapter in which the given tenants exist. */
    protected abstract Adapter open(TenantId... tenants) throws Exception;

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private Adapter adapter;
    private MigrationQueue queue;
    private MigrationStatusQueries status;

    @BeforeEach
    void open_an_empty_queue() throws Exception {
        adapter = open(CONTOSO, FABRIKAM);
        queue = adapter.queue();
        status = adapter.status();
    }

    @AfterEach
    void close_the_queue() throws Exception {
        adapter.resources().close();
    }

    // ---- settle window ----

    @Test
    void a_first_change_makes_a_pending_request_due_when_the_settle_window_ends() {
        Instant t0 = clock.instant();

        Enqueued e = enqueue(ALICE, TO_SAME_TYPE, "conference id reset");

        assertThat(e).isInstanceOf(Enqueued.New.class);
        MigrationRequest r = e.request();
        assertThat(r.state()).isEqualTo(MigrationState.PENDING);
        assertThat(r.dueAt()).isEqualTo(t0.plus(SETTLE));
        assertThat(r.settleWindow()).isEqualTo(SETTLE);
        assertThat(r.type()).isEqualTo(TO_SAME_TYPE);
        assertThat(r.trigger()).isEqualTo("conference id reset");
        assertThat(r.upn()).isEqualTo(upn(ALICE));
        assertThat(r.attempts()).isZero();
        assertThat(r.retryCount()).isZero();
        assertThat(r.counts()).isEqualTo(Counts.NONE);
        assertThat(r.lastMessage()).isEmpty();
        assertThat(r.createDate()).isEqualTo(t0);
        assertThat(r.modifiedDate()).isEqualTo(t0);
        assertThat(status.byCorrelationId(CONTOSO, r.correlationId())).contains(r);
    }

    @Test
    void a_request_is_not_claimable_before_its_settle_window_ends() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");

        clock.advance(SETTLE.minusMillis(1));
        assertThat(claim(WORKER_A, 10)).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(claim(WORKER_A, 10)).hasSize(1);
    }

    // ---- coalescing ----

    @Test
    void a_change_while_the_request_is_pending_joins_it_and_restarts_the_settle_window() {
        Enqueued first = enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        clock.advance(Duration.ofMinutes(7));
        Instant t1 = clock.instant();

        Enqueued second = enqueue(ALICE, TO_SAME_TYPE, "licence assigned");

        assertThat(second).isInstanceOf(Enqueued.CoalescedIntoPending.class);
        assertThat(second.request().correlationId()).isEqualTo(first.request().correlationId());
        assertThat(second.request().dueAt()).isEqualTo(t1.plus(SETTLE));
        assertThat(second.request().modifiedDate()).isEqualTo(t1);
        assertThat(second.request().createDate()).isEqualTo(first.request().createDate());
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);

        clock.set(first.request().dueAt());
        assertThat(claim(WORKER_A, 10)).as("the first window no longer counts").isEmpty();
        clock.set(t1.plus(SETTLE));
        assertThat(claim(WORKER_A, 10)).hasSize(1);
    }

    @Test
    void coalesced_changes_take_the_broader_migration_type() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        assertThat(enqueue(ALICE, ALL_TO_TEAMS, "moved to Teams").request().type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(enqueue(ALICE, TO_SAME_TYPE, "licence removed").request().type()).as("a narrower change does not narrow it")
                .isEqualTo(ALL_TO_TEAMS);

        enqueue(BOB, SFB_TO_TEAMS, "moved online");
        assertThat(enqueue(BOB, TEAMS_TO_TEAMS, "bridge changed").request().type()).isEqualTo(ALL_TO_TEAMS);

        enqueue(CAROL, SFB_TO_SFB, "bridge changed");
        assertThat(enqueue(CAROL, TEAMS_TO_TEAMS, "conference id reset").request().type()).isEqualTo(TO_SAME_TYPE);
    }

    @Test
    void coalesced_changes_keep_every_cause_once_and_the_latest_upn_and_settle_window() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        enqueue(ALICE, TO_SAME_TYPE, "conference id reset");
        MigrationRequest r = queue.enqueue(CONTOSO, ALICE, "alice.new@contoso.com", TO_SAME_TYPE, "licence assigned", clock.instant(),
                Duration.ofMinutes(2)).request();

        assertThat(r.trigger()).isEqualTo("licence assigned; conference id reset");
        assertThat(r.upn()).isEqualTo("alice.new@contoso.com");
        assertThat(r.settleWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(r.dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void each_user_of_each_tenant_has_a_request_of_their_own() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        enqueue(BOB, TO_SAME_TYPE, "licence assigned");
        Enqueued other = queue.enqueue(FABRIKAM, ALICE, "alice@fabrikam.com", TO_SAME_TYPE, "licence assigned", clock.instant(), SETTLE);

        assertThat(other).isInstanceOf(Enqueued.New.class);
        assertThat(status.list(CONTOSO, StatusFilter.all())).extracting(MigrationRequest::user).containsExactly(ALICE, BOB);
        assertThat(status.list(FABRIKAM, StatusFilter.all())).extracting(MigrationRequest::upn).containsExactly("alice@fabrikam.com");
    }

    @Test
    void a_change_after_the_request_finished_starts_a_new_request() {
        MigrationRequest first = enqueue(ALICE, TO_SAME_TYPE, "licence assigned").request();
        Claimed c = claimDue(ALICE);
        queue.succeed(c.lease(), new Counts(1, 1, 0, 1), "", clock.instant());

        Enqueued again = enqueue(ALICE, TO_SAME_TYPE, "licence removed");

        assertThat(again).isInstanceOf(Enqueued.New.class);
        assertThat(again.request().correlationId()).isNotEqualTo(first.correlationId());
    }

    // ---- follow-ups ----

    @Test
    void changes_while_the_request_runs_mark_exactly_one_follow_up() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed running = claimDue(ALICE);

        Enqueued f1 = enqueue(ALICE, TO_SAME_TYPE, "conference id reset");
        Enqueued f2 = enqueue(ALICE, ALL_TO_TEAMS, "moved to Teams");
        Enqueued f3 = enqueue(ALICE, TO_SAME_TYPE, "conference id reset");

        assertThat(List.of(f1, f2, f3)).allMatch(Enqueued.FollowUpQueued.class::isInstance);
        assertThat(f3.request().correlationId()).isEqualTo(running.request().correlationId());
        assertThat(f3.request().state()).isEqualTo(MigrationState.IN_PROGRESS);
        assertThat(f3.request().type()).as("the running request keeps its type").isEqualTo(TO_SAME_TYPE);
        assertThat(f3.request().followUp()).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo(ALL_TO_TEAMS);
            assertThat(f.trigger()).isEqualTo("conference id reset; moved to Teams");
        });
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);
    }

    @Test
    void when_the_running_request_succeeds_its_follow_up_becomes_a_new_pending_request() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed running = claimDue(ALICE);
        enqueue(ALICE, ALL_TO_TEAMS, "moved to Teams");
        enqueue(ALICE, TO_SAME_TYPE, "conference id reset");
        clock.advance(Duration.ofMinutes(3));
        Instant end = clock.instant();

        Completion done = queue.succeed(running.lease(), new Counts(4, 4, 0, 4), "", end);

        Completion.Recorded recorded = assertRecorded(done);
        assertThat(recorded.request().state()).isEqualTo(MigrationState.SUCCEEDED);
        assertThat(recorded.request().followUp()).isEmpty();
        MigrationRequest next = recorded.followUp().orElseThrow();
        assertThat(next.correlationId()).isNotEqualTo(running.request().correlationId());
        assertThat(next.state()).isEqualTo(MigrationState.PENDING);
        assertThat(next.dueAt()).isEqualTo(end.plus(SETTLE));
        assertThat(next.type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(next.trigger()).isEqualTo("moved to Teams; conference id reset");
        assertThat(next.createDate()).isEqualTo(end);
        assertThat(status.list(CONTOSO, StatusFilter.all())).extracting(MigrationRequest::state)
                .containsExactly(MigrationState.SUCCEEDED, MigrationState.PENDING);
        assertThat(enqueue(ALICE, TO_SAME_TYPE, "licence removed")).as("later changes join the follow-up")
                .isInstanceOf(Enqueued.CoalescedIntoPending.class);
    }

    @Test
    void when_the_running_request_fails_its_follow_up_still_becomes_a_new_pending_request() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed running = claimDue(ALICE);
        enqueue(ALICE, TO_SAME_TYPE, "bridge changed");

        Completion.Recorded recorded = assertRecorded(queue.fail(running.lease(), new Counts(2, 1, 1, 1), "mailbox unreachable",
                clock.instant()));

        assertThat(recorded.request().state()).isEqualTo(MigrationState.FAILED);
        assertThat(recorded.followUp()).hasValueSatisfying(next -> {
            assertThat(next.state()).isEqualTo(MigrationState.PENDING);
            assertThat(next.dueAt()).isEqualTo(clock.instant().plus(SETTLE));
            assertThat(next.trigger()).isEqualTo("bridge changed");
        });
    }

    @Test
    void a_request_without_a_follow_up_ends_without_a_new_request() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed running = claimDue(ALICE);

        Completion.Recorded recorded = assertRecorded(queue.succeed(running.lease(), Counts.NONE, "", clock.instant()));

        assertThat(recorded.followUp()).isEmpty();
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);
    }

    @Test
    void a_follow_up_noted_before_a_retry_joins_the_retry_instead_of_queueing_a_second_request() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed running = claimDue(ALICE);
        enqueue(ALICE, ALL_TO_TEAMS, "moved to Teams");
        Instant backoff = clock.instant().plus(Duration.ofHours(3));

        Completion.Recorded recorded = assertRecorded(queue.retryLater(running.lease(), Counts.NONE, "server busy", backoff,
                clock.instant()));

        assertThat(recorded.followUp()).isEmpty();
        MigrationRequest r = recorded.request();
        assertThat(r.state()).isEqualTo(MigrationState.PENDING);
        assertThat(r.type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(r.followUp()).isEmpty();
        assertThat(r.dueAt()).as("the change need not wait out the backoff").isEqualTo(clock.instant().plus(SETTLE));
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);
    }

    // ---- claims ----

    @Test
    void a_claim_takes_due_requests_earliest_first_up_to_the_limit() {
        enqueue(CAROL, TO_SAME_TYPE, "licence assigned");
        clock.advance(Duration.ofMinutes(1));
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        clock.advance(Duration.ofMinutes(1));
        enqueue(BOB, TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);

        List<Claimed> claimed = claim(WORKER_A, 2);

        assertThat(claimed).extracting(c -> c.request().user()).containsExactly(CAROL, ALICE);
        assertThat(claim(WORKER_A, 2)).extracting(c -> c.request().user()).containsExactly(BOB);
    }

    @Test
    void a_claim_leases_the_request_to_the_worker_and_counts_the_attempt() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);

        Claimed c = claim(WORKER_A, 1).getFirst();

        assertThat(c.request().state()).isEqualTo(MigrationState.IN_PROGRESS);
        assertThat(c.request().attempts()).isEqualTo(1);
        assertThat(c.request().modifiedDate()).isEqualTo(clock.instant());
        assertThat(c.lease()).isEqualTo(new Lease(c.request().id(), WORKER_A, 1, clock.instant().plus(LEASE)));
        assertThat(c.request().lease()).contains(c.lease());
        assertThat(claim(WORKER_B, 10)).as("a claimed request is not claimed again").isEmpty();
    }

    @Test
    void two_concurrent_claimers_never_get_the_same_request() throws Exception {
        int requests = 120;
        for (int i = 0; i < requests; i++) {
            queue.enqueue(CONTOSO, new UserId("user-" + i), "user" + i + "@contoso.com", TO_SAME_TYPE, "licence assigned",
                    clock.instant(), Duration.ZERO);
        }
        Instant now = clock.instant();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<CorrelationId>> claimer = () -> {
            WorkerId me = new WorkerId("worker-" + Thread.currentThread().threadId());
            start.await(10, TimeUnit.SECONDS);
            List<CorrelationId> mine = new ArrayList<>();
            for (List<Claimed> batch = queue.claim(me, now, LEASE, 2); !batch.isEmpty(); batch = queue.claim(me, now, LEASE, 2)) {
                batch.forEach(c -> mine.add(c.request().correlationId()));
            }
            return mine;
        };

        List<CorrelationId> all = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<List<CorrelationId>> one = threads.submit(claimer);
            Future<List<CorrelationId>> two = threads.submit(claimer);
            all.addAll(one.get(60, TimeUnit.SECONDS));
            all.addAll(two.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).doesNotHaveDuplicates().hasSize(requests);
        assertThat(status.summary(CONTOSO, StatusFilter.all()))
                .contains(new StateCount(MigrationState.IN_PROGRESS, requests), new StateCount(MigrationState.PENDING, 0));
    }

    @Test
    void concurrent_first_changes_for_one_user_make_one_request() throws Exception {
        int changes = 6;
        List<MigrationType> types = List.of(SFB_TO_SFB, TEAMS_TO_TEAMS, TO_SAME_TYPE, SFB_TO_SFB, TEAMS_TO_TEAMS, TO_SAME_TYPE);
        CyclicBarrier start = new CyclicBarrier(changes);
        List<Future<Enqueued>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(changes)) {
            for (int i = 0; i < changes; i++) {
                MigrationType type = types.get(i);
                String cause = "change " + i;
                results.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return enqueue(ALICE, type, cause);
                }));
            }
            List<Enqueued> outcomes = new ArrayList<>();
            for (Future<Enqueued> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(Enqueued.New.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Enqueued.CoalescedIntoPending.class::isInstance).hasSize(changes - 1);
        }

        List<MigrationRequest> rows = status.list(CONTOSO, StatusFilter.all());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().type()).isEqualTo(TO_SAME_TYPE);
        assertThat(rows.getFirst().trigger().split("; ")).hasSize(changes);
    }

    // ---- leases and heartbeats ----

    @Test
    void a_heartbeat_extends_the_lease_so_the_reaper_leaves_the_request_alone() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        Instant extended = c.lease().until().plus(LEASE);

        assertThat(queue.heartbeat(c.lease(), extended)).isTrue();

        clock.set(c.lease().until().plusSeconds(1));
        assertThat(queue.reapExpiredLeases(clock.instant())).isEmpty();
        assertThat(current(c).leaseUntil()).contains(extended);
        assertThat(current(c).modifiedDate()).as("a heartbeat is not a change admins see").isEqualTo(c.request().modifiedDate());
    }

    @Test
    void a_worker_whose_request_was_reaped_and_claimed_by_another_can_no_longer_report_on_it() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed stale = claimDue(ALICE);
        clock.set(stale.lease().until().plusSeconds(1));
        queue.reapExpiredLeases(clock.instant());
        Claimed fresh = claim(WORKER_B, 1).getFirst();

        assertThat(queue.heartbeat(stale.lease(), clock.instant().plus(LEASE))).isFalse();
        assertThat(queue.progress(stale.lease(), new Counts(9, 9, 0, 9), clock.instant())).isFalse();
        assertThat(queue.succeed(stale.lease(), new Counts(9, 9, 0, 9), "done", clock.instant()))
                .isInstanceOfSatisfying(Completion.LeaseLost.class, lost -> assertThat(lost.current()).contains(current(fresh)));
        assertThat(queue.fail(stale.lease(), Counts.NONE, "broken", clock.instant())).isInstanceOf(Completion.LeaseLost.class);
        assertThat(queue.retryLater(stale.lease(), Counts.NONE, "busy", clock.instant().plusSeconds(60), clock.instant()))
                .isInstanceOf(Completion.LeaseLost.class);

        MigrationRequest now = current(fresh);
        assertThat(now.state()).isEqualTo(MigrationState.IN_PROGRESS);
        assertThat(now.leaseOwner()).contains(WORKER_B);
        assertThat(now.leaseUntil()).contains(fresh.lease().until());
        assertThat(now.counts()).isEqualTo(Counts.NONE);
        assertThat(now.lastMessage()).isEmpty();
        assertThat(queue.succeed(fresh.lease(), new Counts(1, 1, 0, 1), "", clock.instant())).isInstanceOf(Completion.Recorded.class);
    }

    @Test
    void a_worker_that_claims_its_reaped_request_again_cannot_use_the_old_lease() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed first = claimDue(ALICE);
        clock.set(first.lease().until().plusSeconds(1));
        queue.reapExpiredLeases(clock.instant());
        Claimed second = claim(WORKER_A, 1).getFirst();

        assertThat(second.lease().attempt()).isEqualTo(2);
        assertThat(queue.heartbeat(first.lease(), clock.instant().plus(LEASE))).isFalse();
        assertThat(queue.succeed(first.lease(), Counts.NONE, "", clock.instant())).isInstanceOf(Completion.LeaseLost.class);
        assertThat(queue.heartbeat(second.lease(), clock.instant().plus(LEASE))).isTrue();
    }

    @Test
    void a_report_on_a_lease_that_ran_out_is_accepted_while_nobody_has_taken_the_request_back() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        clock.set(c.lease().until().plusSeconds(30));

        assertThat(queue.succeed(c.lease(), new Counts(1, 1, 0, 1), "", clock.instant())).isInstanceOf(Completion.Recorded.class);
        assertThat(queue.reapExpiredLeases(clock.instant())).isEmpty();
    }

    // ---- reaper ----

    @Test
    void the_reaper_returns_requests_with_expired_leases_to_pending_due_now_keeping_attempts() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        enqueue(BOB, TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);
        List<Claimed> both = claim(WORKER_A, 2);
        Claimed alice = both.get(0);
        Claimed bob = both.get(1);
        queue.heartbeat(bob.lease(), bob.lease().until().plus(LEASE));
        clock.set(alice.lease().until().plusMillis(1));

        List<MigrationRequest> reaped = queue.reapExpiredLeases(clock.instant());

        assertThat(reaped).extracting(MigrationRequest::correlationId).containsExactly(alice.request().correlationId());
        MigrationRequest r = current(alice);
        assertThat(r.state()).isEqualTo(MigrationState.PENDING);
        assertThat(r.dueAt()).isEqualTo(clock.instant());
        assertThat(r.leaseOwner()).isEmpty();
        assertThat(r.leaseUntil()).isEmpty();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.retryCount()).as("a reaped run is not a retry").isZero();
        assertThat(current(bob).state()).isEqualTo(MigrationState.IN_PROGRESS);
        assertThat(claim(WORKER_B, 10)).singleElement().satisfies(c -> assertThat(c.request().attempts()).isEqualTo(2));
    }

    @Test
    void the_reaper_leaves_a_lease_alone_until_it_has_run_out() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);

        assertThat(queue.reapExpiredLeases(c.lease().until())).isEmpty();
        assertThat(current(c).state()).isEqualTo(MigrationState.IN_PROGRESS);
    }

    @Test
    void a_follow_up_on_a_reaped_request_joins_it() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        enqueue(ALICE, ALL_TO_TEAMS, "moved to Teams");
        clock.set(c.lease().until().plusSeconds(1));

        MigrationRequest r = queue.reapExpiredLeases(clock.instant()).getFirst();

        assertThat(r.type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(r.followUp()).isEmpty();
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);
    }

    // ---- retries ----

    @Test
    void retry_later_returns_the_request_to_pending_until_the_next_attempt() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        Instant next = clock.instant().plus(Duration.ofMinutes(3));

        Completion.Recorded recorded = assertRecorded(queue.retryLater(c.lease(), new Counts(5, 3, 2, 3),
                "2 meetings failed: calendar server returned 503", next, clock.instant()));

        MigrationRequest r = recorded.request();
        assertThat(r.state()).isEqualTo(MigrationState.PENDING);
        assertThat(r.dueAt()).isEqualTo(next);
        assertThat(r.retryCount()).isEqualTo(1);
        assertThat(r.lastMessage()).isEqualTo("2 meetings failed: calendar server returned 503");
        assertThat(r.counts()).isEqualTo(new Counts(5, 3, 2, 3));
        assertThat(r.lease()).isEmpty();

        clock.set(next.minusMillis(1));
        assertThat(claim(WORKER_A, 1)).isEmpty();
        clock.set(next);
        Claimed again = claim(WORKER_A, 1).getFirst();
        assertThat(again.request().attempts()).isEqualTo(2);
        assertThat(again.request().retryCount()).isEqualTo(1);
        assertThat(again.request().lastMessage()).as("kept while it runs again").startsWith("2 meetings failed");
    }

    @Test
    void a_request_retried_by_the_default_policy_fails_after_its_ninth_retry_a_day_after_the_first_failure() {
        RetryPolicy policy = RetryPolicy.defaults();
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);
        Instant firstFailure = clock.instant();
        int runs = 0;
        Completion last = null;
        while (last == null) {
            Claimed c = claim(WORKER_A, 1).getFirst();
            runs++;
            switch (policy.afterFailure(c.request().retryCount(), clock.instant())) {
                case RetryPolicy.Decision.RetryAt(int retry, Instant at) -> {
                    assertRecorded(queue.retryLater(c.lease(), Counts.NONE, "server busy (retry " + retry + ")", at, clock.instant()));
                    clock.set(at);
                }
                case RetryPolicy.Decision.GiveUp(int retries) -> last = queue.fail(c.lease(), Counts.NONE,
                        "gave up after " + retries + " retries: server busy", clock.instant());
            }
        }

        MigrationRequest failed = assertRecorded(last).request();
        assertThat(runs).isEqualTo(10);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.retryCount()).isEqualTo(9);
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.lastMessage()).isEqualTo("gave up after 9 retries: server busy");
        assertThat(Duration.between(firstFailure, failed.finishedAt().orElseThrow())).isEqualTo(Duration.ofHours(24));
    }

    // ---- outcomes ----

    @Test
    void progress_records_the_counts_so_far() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        clock.advance(Duration.ofSeconds(20));

        assertThat(queue.progress(c.lease(), new Counts(40, 12, 1, 12), clock.instant())).isTrue();

        MigrationRequest r = current(c);
        assertThat(r.counts()).isEqualTo(new Counts(40, 12, 1, 12));
        assertThat(r.modifiedDate()).isEqualTo(clock.instant());
        assertThat(r.state()).isEqualTo(MigrationState.IN_PROGRESS);
    }

    @Test
    void success_records_counts_message_and_times_and_frees_the_user() {
        Instant created = clock.instant();
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);
        clock.advance(Duration.ofSeconds(42));

        MigrationRequest r = assertRecorded(queue.succeed(c.lease(), new Counts(10, 9, 0, 8), "1 meeting skipped: 300 attendees",
                clock.instant())).request();

        assertThat(r.state()).isEqualTo(MigrationState.SUCCEEDED);
        assertThat(r.counts()).isEqualTo(new Counts(10, 9, 0, 8));
        assertThat(r.lastMessage()).isEqualTo("1 meeting skipped: 300 attendees");
        assertThat(r.createDate()).isEqualTo(created);
        assertThat(r.modifiedDate()).isEqualTo(clock.instant());
        assertThat(r.finishedAt()).contains(clock.instant());
        assertThat(r.lease()).isEmpty();
        assertThat(current(c)).isEqualTo(r);
    }

    @Test
    void failure_records_the_message_admins_act_on() {
        enqueue(ALICE, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(ALICE);

        MigrationRequest r = assertRecorded(queue.fail(c.lease(), new Counts(3, 0, 3, 0),
                "the mailbox is on premises: run the Meeting Migration Tool", clock.instant())).request();

        assertThat(r.state()).isEqualTo(MigrationState.FAILED);
        assertThat(r.lastMessage()).isEqualTo("the mailbox is on premises: run the Meeting Migration Tool");
        assertThat(r.finishedAt()).contains(clock.instant());
        assertThat(queue.succeed(c.lease(), Counts.NONE, "", clock.instant())).as("a finished request takes no more reports")
                .isInstanceOf(Completion.LeaseLost.class);
    }

    // ---- retention ----

    @Test
    void purging_deletes_only_finished_requests_that_ended_before_the_cutoff() {
        MigrationRequest oldSuccess = finish(ALICE, true);
        MigrationRequest oldFailure = finish(BOB, false);
        enqueue(CAROL, TO_SAME_TYPE, "licence assigned");
        UserId dave = new UserId("dave");
        enqueue(dave, TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);
        Claimed carol = claim(WORKER_A, 1).getFirst();
        clock.advance(Duration.ofDays(150));
        Instant cutoff = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        MigrationRequest finishedAfterCutoff = assertRecorded(queue.succeed(carol.lease(), Counts.NONE, "", clock.instant())).request();

        int purged = queue.purgeFinishedBefore(CONTOSO, cutoff);

        assertThat(purged).isEqualTo(2);
        assertThat(status.byCorrelationId(CONTOSO, oldSuccess.correlationId())).isEmpty();
        assertThat(status.byCorrelationId(CONTOSO, oldFailure.correlationId())).isEmpty();
        assertThat(status.list(CONTOSO, StatusFilter.all())).as("created before the cutoff, but not finished before it")
                .extracting(MigrationRequest::user, MigrationRequest::state)
                .containsExactly(tuple(CAROL, MigrationState.SUCCEEDED), tuple(dave, MigrationState.PENDING));
        assertThat(finishedAfterCutoff.createDate()).isBefore(cutoff);
    }

    // ---- status ----

    @Test
    void the_status_list_filters_by_user_state_and_create_date_window() {
        Instant t0 = clock.instant();
        MigrationRequest alice = finish(ALICE, true);
        clock.set(t0.plus(Duration.ofDays(1)));
        Instant t1 = clock.instant();
        enqueue(BOB, TO_SAME_TYPE, "licence assigned");
        clock.set(t0.plus(Duration.ofDays(2)));
        Instant t2 = clock.instant();
        enqueue(CAROL, TO_SAME_TYPE, "licence assigned");

        assertThat(users(StatusFilter.all())).containsExactly(ALICE, BOB, CAROL);
        assertThat(users(StatusFilter.all().forUsers(Set.of(ALICE, CAROL)))).containsExactly(ALICE, CAROL);
        assertThat(users(StatusFilter.all().inState(MigrationState.PENDING))).containsExactly(BOB, CAROL);
        assertThat(users(StatusFilter.all().inState(MigrationState.SUCCEEDED))).containsExactly(ALICE);
        assertThat(users(StatusFilter.all().createdBetween(Optional.of(t1), Optional.of(t2)))).as("from inclusive, to exclusive")
                .containsExactly(BOB);
        assertThat(users(StatusFilter.all().createdBetween(Optional.of(t1), Optional.empty()))).containsExactly(BOB, CAROL);
        assertThat(users(StatusFilter.all().createdBetween(Optional.empty(), Optional.of(t1)))).containsExactly(ALICE);
        assertThat(users(StatusFilter.all().forUsers(Set.of(ALICE)).inState(MigrationState.PENDING))).isEmpty();
        assertThat(status.list(CONTOSO, StatusFilter.all().forUsers(Set.of(ALICE)))).containsExactly(alice);
    }

    @Test
    void no_tenant_sees_another_tenants_requests() {
        MigrationRequest contoso = enqueue(ALICE, TO_SAME_TYPE, "licence assigned").request();
        queue.enqueue(FABRIKAM, BOB, "bob@fabrikam.com", TO_SAME_TYPE, "licence assigned", clock.instant(), SETTLE);

        assertThat(status.list(FABRIKAM, StatusFilter.all())).extracting(MigrationRequest::user).containsExactly(BOB);
        assertThat(status.list(FABRIKAM, StatusFilter.all().forUsers(Set.of(ALICE)))).isEmpty();
        assertThat(status.byCorrelationId(FABRIKAM, contoso.correlationId())).isEmpty();
        assertThat(status.byCorrelationId(CONTOSO, contoso.correlationId())).isPresent();
        assertThat(status.summary(FABRIKAM, StatusFilter.all())).contains(new StateCount(MigrationState.PENDING, 1));
    }

    @Test
    void the_summary_lists_every_state_with_its_user_count_in_the_cmdlets_order() {
        assertThat(status.summary(CONTOSO, StatusFilter.all())).containsExactly(
                new StateCount(MigrationState.PENDING, 0), new StateCount(MigrationState.AWAITING_APPROVAL, 0),
                new StateCount(MigrationState.IN_PROGRESS, 0), new StateCount(MigrationState.FAILED, 0),
                new StateCount(MigrationState.SUCCEEDED, 0), new StateCount(MigrationState.DENIED, 0));

        finish(ALICE, true);
        finish(ALICE, true);
        finish(BOB, false);
        enqueue(ALICE, TO_SAME_TYPE, "licence removed");
        enqueue(CAROL, TO_SAME_TYPE, "licence assigned");
        enqueue(new UserId("dave"), TO_SAME_TYPE, "licence assigned");
        clock.advance(SETTLE);
        claim(WORKER_A, 1);

        assertThat(status.summary(CONTOSO, StatusFilter.all())).containsExactly(
                new StateCount(MigrationState.PENDING, 2), new StateCount(MigrationState.AWAITING_APPROVAL, 0),
                new StateCount(MigrationState.IN_PROGRESS, 1), new StateCount(MigrationState.FAILED, 1),
                new StateCount(MigrationState.SUCCEEDED, 1), new StateCount(MigrationState.DENIED, 0));
        assertThat(status.summary(CONTOSO, StatusFilter.all().forUsers(Set.of(ALICE)))).containsExactly(
                new StateCount(MigrationState.PENDING, 0), new StateCount(MigrationState.AWAITING_APPROVAL, 0),
                new StateCount(MigrationState.IN_PROGRESS, 1), new StateCount(MigrationState.FAILED, 0),
                new StateCount(MigrationState.SUCCEEDED, 1), new StateCount(MigrationState.DENIED, 0));
    }

    // ---- approval ----

    private Enqueued hold(UserId user, MigrationType type, String trigger, Counts preview) {
        return queue.enqueue(CONTOSO, user, new RequestedChange(upn(user), type, trigger, SETTLE), clock.instant(),
                Optional.of(new ApprovalHold(preview, "waiting for approval: would update " + preview.succeeded() + " meetings")));
    }

    @Test
    void a_held_change_waits_for_approval_with_its_preview_counts_and_no_worker_ever_claims_it() {
        Counts preview = new Counts(12, 11, 1, 9);
        MigrationRequest held = hold(ALICE, TO_SAME_TYPE, "licence assigned", preview).request();

        assertThat(held.state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        assertThat(held.counts()).isEqualTo(preview);
        assertThat(held.lastMessage()).startsWith("waiting for approval");
        clock.advance(Duration.ofDays(30));
        assertThat(claim(WORKER_A, 10)).isEmpty();
        assertThat(status.summary(CONTOSO, StatusFilter.all())).contains(new StateCount(MigrationState.AWAITING_APPROVAL, 1));
        assertThat(status.list(CONTOSO, StatusFilter.all().inState(MigrationState.AWAITING_APPROVAL))).containsExactly(held);
    }

    @Test
    void a_change_arriving_while_a_migration_waits_for_approval_joins_it_and_it_keeps_waiting() {
        MigrationRequest held = hold(ALICE, SFB_TO_SFB, "licence assigned", new Counts(3, 3, 0, 3)).request();
        clock.advance(Duration.ofMinutes(1));

        Enqueued joined = enqueue(ALICE, TEAMS_TO_TEAMS, "conference ID reset");

        assertThat(joined).isInstanceOf(Enqueued.CoalescedIntoPending.class);
        MigrationRequest now = joined.request();
        assertThat(now.correlationId()).isEqualTo(held.correlationId());
        assertThat(now.state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        assertThat(now.type()).isEqualTo(TO_SAME_TYPE);
        assertThat(now.trigger()).isEqualTo("licence assigned; conference ID reset");
        assertThat(now.counts()).as("the preview stays until a new one is given").isEqualTo(new Counts(3, 3, 0, 3));
        assertThat(status.list(CONTOSO, StatusFilter.all())).hasSize(1);

        MigrationRequest again = hold(ALICE, TEAMS_TO_TEAMS, "bridge changed", new Counts(5, 5, 0, 5)).request();
        assertThat(again.counts()).isEqualTo(new Counts(5, 5, 0, 5));
        assertThat(again.state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
    }

    @Test
    void a_held_change_joining_a_pending_migration_makes_it_wait_for_approval() {
        MigrationRequest pending = enqueue(ALICE, SFB_TO_SFB, "licence assigned").request();

        MigrationRequest held = hold(ALICE, TEAMS_TO_TEAMS, "conference ID reset", new Counts(40, 40, 0, 40)).request();

        assertThat(held.correlationId()).isEqualTo(pending.correlationId());
        assertThat(held.state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        assertThat(held.type()).isEqualTo(TO_SAME_TYPE);
    }

    @Test
    void an_approved_migration_is_pending_and_runs_once_its_settle_window_has_passed() {
        MigrationRequest held = hold(ALICE, TO_SAME_TYPE, "licence assigned", new Counts(2, 2, 0, 2)).request();
        clock.advance(Duration.ofMinutes(4));

        MigrationRequest approved = queue.approve(CONTOSO, held.correlationId(), clock.instant()).orElseThrow();

        assertThat(approved.state()).isEqualTo(MigrationState.PENDING);
        assertThat(approved.dueAt()).isEqualTo(held.dueAt());
        assertThat(claim(WORKER_A, 1)).as("inside the settle window").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(claim(WORKER_A, 1)).extracting(c -> c.request().correlationId()).containsExactly(held.correlationId());
    }

    @Test
    void a_migration_approved_after_its_settle_window_is_due_at_once() {
        MigrationRequest held = hold(ALICE, TO_SAME_TYPE, "licence assigned", new Counts(2, 2, 0, 2)).request();
        clock.advance(Duration.ofHours(3));

        MigrationRequest approved = queue.approve(CONTOSO, held.correlationId(), clock.instant()).orElseThrow();

        assertThat(approved.dueAt()).isEqualTo(clock.instant());
        assertThat(claim(WORKER_A, 1)).hasSize(1);
    }

    @Test
    void a_denied_migration_ends_denied_and_the_users_next_change_creates_a_new_request() {
        MigrationRequest held = hold(ALICE, TO_SAME_TYPE, "licence assigned", new Counts(2, 2, 0, 2)).request();
        clock.advance(Duration.ofMinutes(1));

        MigrationRequest denied = queue.deny(CONTOSO, held.correlationId(), clock.instant()).orElseThrow();

        assertThat(denied.state()).isEqualTo(MigrationState.DENIED);
        assertThat(denied.finishedAt()).contains(clock.instant());
        assertThat(denied.state().isActive()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        Enqueued next = enqueue(ALICE, TO_SAME_TYPE, "conference ID reset");
        assertThat(next).isInstanceOf(Enqueued.New.class);
        assertThat(next.request().correlationId()).isNotEqualTo(held.correlationId());
        assertThat(next.request().state()).isEqualTo(MigrationState.PENDING);
        assertThat(status.summary(CONTOSO, StatusFilter.all())).contains(new StateCount(MigrationState.DENIED, 1),
                new StateCount(MigrationState.PENDING, 1));
        clock.advance(Duration.ofDays(200));
        assertThat(queue.purgeFinishedBefore(CONTOSO, clock.instant())).as("a denied request is kept as long as a finished one").isEqualTo(1);
    }

    @Test
    void only_a_migration_awaiting_approval_can_be_approved_or_denied_and_only_by_its_own_tenant() {
        MigrationRequest pending = enqueue(ALICE, TO_SAME_TYPE, "licence assigned").request();
        MigrationRequest held = hold(BOB, TO_SAME_TYPE, "licence assigned", new Counts(1, 1, 0, 1)).request();

        assertThatThrownBy(() -> queue.approve(CONTOSO, pending.correlationId(), clock.instant()))
                .isInstanceOf(IllegalStateChangeException.class);
        assertThat(queue.approve(FABRIKAM, held.correlationId(), clock.instant())).isEmpty();
        assertThat(queue.deny(FABRIKAM, held.correlationId(), clock.instant())).isEmpty();
        assertThat(status.byCorrelationId(CONTOSO, held.correlationId()).orElseThrow().state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        queue.deny(CONTOSO, held.correlationId(), clock.instant());
        assertThatThrownBy(() -> queue.approve(CONTOSO, held.correlationId(), clock.instant()))
                .isInstanceOf(IllegalStateChangeException.class);
    }

    // ---- transaction history ----

    @Test
    void every_move_of_a_request_is_in_its_history_with_its_time_and_reason_retries_and_reaps_included() {
        Instant queued = clock.instant();
        MigrationRequest created = enqueue(ALICE, TO_SAME_TYPE, "licence assigned").request();
        clock.advance(Duration.ofMinutes(1));
        enqueue(ALICE, ALL_TO_TEAMS, "moved online");
        Instant firstClaim = clock.advance(SETTLE).instant();
        Claimed first = claim(WORKER_A, 1).getFirst();
        Instant retried = clock.advance(Duration.ofMinutes(2)).instant();
        queue.retryLater(first.lease(), Counts.NONE, "calendar server busy", clock.instant().plusSeconds(60), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        Claimed second = claim(WORKER_B, 1).getFirst();
        Instant reaped = clock.set(second.lease().until().plusMillis(1)).instant();
        queue.reapExpiredLeases(clock.instant());
        Claimed third = claim(WORKER_A, 1).getFirst();
        Instant succeeded = clock.advance(Duration.ofSeconds(30)).instant();
        queue.succeed(third.lease(), new Counts(3, 3, 0, 3), "", clock.instant());

        List<Transition> history = status.history(CONTOSO, HistoryFilter.ofMigration(created.correlationId()));

        assertThat(history).extracting(t -> t.from().map(MigrationState::displayName).orElse("-"), t -> t.to().displayName())
                .as("the change that joined the pending request is not a move").containsExactly(
                        tuple("-", "Pending"), tuple("Pending", "InProgress"), tuple("InProgress", "Pending"),
                        tuple("Pending", "InProgress"), tuple("InProgress", "Pending"), tuple("Pending", "InProgress"),
                        tuple("InProgress", "Succeeded"));
        assertThat(history).extracting(Transition::at).containsExactly(queued, firstClaim, retried, retried.plus(Duration.ofMinutes(1)),
                reaped, reaped, succeeded);
        assertThat(history.get(0).reason()).contains("licence assigned");
        assertThat(history.get(1).reason()).contains(WORKER_A.value()).contains("attempt 1");
        assertThat(history.get(2).reason()).contains("retry 1").contains("calendar server busy");
        assertThat(history.get(2).retryCount()).isEqualTo(1);
        assertThat(history.get(4).reason()).contains("lease of " + WORKER_B.value()).contains("ran out");
        assertThat(history.get(5).attempt()).isEqualTo(3);
        assertThat(history.get(6).reason()).isEqualTo("succeeded");
        assertThat(history).allSatisfy(t -> assertThat(t.upn()).isEqualTo("alice@contoso.com"));
        assertThat(history).extracting(Transition::type).startsWith(TO_SAME_TYPE).endsWith(ALL_TO_TEAMS);
    }

    @Test
    void the_history_is_of_one_user_or_one_migration_within_a_time_window_and_within_the_tenant() {
        MigrationRequest first = finish(ALICE, false);
        Instant between = clock.advance(Duration.ofHours(1)).instant();
        MigrationRequest second = finish(ALICE, true);
        finish(BOB, true);
        queue.enqueue(FABRIKAM, ALICE, "alice@fabrikam.com", TO_SAME_TYPE, "licence assigned", clock.instant(), SETTLE);

        assertThat(status.history(CONTOSO, HistoryFilter.ofUser(ALICE))).extracting(Transition::correlationId)
                .containsExactly(first.correlationId(), first.correlationId(), first.correlationId(),
                        second.correlationId(), second.correlationId(), second.correlationId());
        assertThat(status.history(CONTOSO, HistoryFilter.ofUser(ALICE).changedBetween(Optional.of(between), Optional.empty())))
                .extracting(Transition::correlationId).containsOnly(second.correlationId()).hasSize(3);
        assertThat(status.history(CONTOSO, HistoryFilter.ofUser(ALICE).changedBetween(Optional.empty(), Optional.of(between))))
                .extracting(t -> t.to().displayName()).containsExactly("Pending", "InProgress", "Failed");
        assertThat(status.history(CONTOSO, HistoryFilter.ofMigration(first.correlationId())).getLast().reason())
                .isEqualTo("calendar unreachable");
        assertThat(status.history(FABRIKAM, HistoryFilter.ofMigration(first.correlationId()))).isEmpty();
        assertThat(status.history(FABRIKAM, HistoryFilter.ofUser(ALICE))).singleElement()
                .satisfies(t -> assertThat(t.upn()).isEqualTo("alice@fabrikam.com"));
    }

    @Test
    void purging_a_request_takes_its_history_with_it() {
        MigrationRequest old = finish(ALICE, true);
        clock.advance(Duration.ofDays(151));
        MigrationRequest recent = finish(BOB, true);

        queue.purgeFinishedBefore(CONTOSO, clock.instant().minus(Duration.ofDays(150)));

        assertThat(status.history(CONTOSO, HistoryFilter.ofMigration(old.correlationId()))).isEmpty();
        assertThat(status.history(CONTOSO, HistoryFilter.ofMigration(recent.correlationId()))).hasSize(3);
    }

    // ---- helpers ----

    private Enqueued enqueue(UserId user, MigrationType type, String trigger) {
        return queue.enqueue(CONTOSO, user, upn(user), type, trigger, clock.instant(), SETTLE);
    }

    private List<Claimed> claim(WorkerId worker, int max) {
        return queue.claim(worker, clock.instant(), LEASE, max);
    }

    /** Moves the clock to the user's pending request's due time and claims it with worker A; nothing else may be due. */
    private Claimed claimDue(UserId user) {
        MigrationRequest pending = status.list(CONTOSO, StatusFilter.all().forUsers(Set.of(user)).inState(MigrationState.PENDING))
                .getFirst();
        if (clock.instant().isBefore(pending.dueAt())) {
            clock.set(pending.dueAt());
        }
        List<Claimed> claimed = claim(WORKER_A, 100);
        assertThat(claimed).extracting(c -> c.request().user()).containsExactly(user);
        return claimed.getFirst();
    }

    /** A request for the user, run and ended now. */
    private MigrationRequest finish(UserId user, boolean success) {
        enqueue(user, TO_SAME_TYPE, "licence assigned");
        Claimed c = claimDue(user);
        Completion done = success
                ? queue.succeed(c.lease(), new Counts(1, 1, 0, 1), "", clock.instant())
                : queue.fail(c.lease(), new Counts(1, 0, 1, 0), "calendar unreachable", clock.instant());
        return assertRecorded(done).request();
    }

    private MigrationRequest current(Claimed c) {
        return status.byCorrelationId(c.request().tenant(), c.request().correlationId()).orElseThrow();
    }

    private List<UserId> users(StatusFilter filter) {
        return status.list(CONTOSO, filter).stream().map(MigrationRequest::user).toList();
    }

    private static Completion.Recorded assertRecorded(Completion c) {
        assertThat(c).isInstanceOf(Completion.Recorded.class);
        return (Completion.Recorded) c;
    }

    private static String upn(UserId user) {
        return (user.equals(ALICE) ? "alice" : user.equals(BOB) ? "bob" : user.equals(CAROL) ? "carol" : user.value()) + "@contoso.com";
    }
}
