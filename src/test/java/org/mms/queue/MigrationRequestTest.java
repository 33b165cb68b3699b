package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.migration.MigrationType.ALL_TO_TEAMS;
import static org.mms.migration.MigrationType.TO_SAME_TYPE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** The request's verbs on their own; the contract tests show them through the queue. */
class MigrationRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final WorkerId WORKER = new WorkerId("w1");

    private static MigrationRequest pending() {
        NewRequest created = NewRequest.of(new TenantId("contoso"), new UserId("alice"),
                new RequestedChange("alice@contoso.com", TO_SAME_TYPE, "licence assigned", SETTLE), T0);
        return MigrationRequest.stored(new RequestId(1), created);
    }

    /** What a claim at {@code at} makes of a pending request (the adapter does this in SQL). */
    private static MigrationRequest claimed(MigrationRequest r, Instant at) {
        return new MigrationRequest(r.id(), r.correlationId(), r.tenant(), r.user(), r.upn(), r.type(), r.trigger(),
                r.state().moveTo(MigrationState.IN_PROGRESS), r.dueAt(), r.settleWindow(), r.attempts() + 1, r.retryCount(),
                Optional.of(WORKER), Optional.of(at.plus(Duration.ofMinutes(5))), Optional.empty(), r.counts(), r.lastMessage(),
                r.createDate(), at, Optional.empty());
    }

    @Test
    void a_new_request_is_pending_until_its_settle_window_has_passed() {
        MigrationRequest r = pending();

        assertThat(r.state()).isEqualTo(MigrationState.PENDING);
        assertThat(r.dueAt()).isEqualTo(T0.plus(SETTLE));
        assertThat(r.lease()).isEmpty();
    }

    @Test
    void only_the_lease_of_the_current_worker_and_attempt_holds_the_request() {
        MigrationRequest running = claimed(pending(), T0.plus(SETTLE));
        Lease lease = running.lease().orElseThrow();

        assertThat(running.isHeldBy(lease)).isTrue();
        assertThat(running.isHeldBy(new Lease(lease.request(), new WorkerId("w2"), 1, lease.until()))).isFalse();
        assertThat(running.isHeldBy(new Lease(lease.request(), WORKER, 2, lease.until()))).isFalse();
        assertThat(running.isHeldBy(new Lease(new RequestId(2), WORKER, 1, lease.until()))).isFalse();
        assertThat(running.succeed(Counts.NONE, "", T0).isHeldBy(lease)).isFalse();
    }

    @Test
    void verbs_that_do_not_fit_the_state_throw() {
        MigrationRequest pending = pending();
        MigrationRequest running = claimed(pending, T0.plus(SETTLE));
        MigrationRequest done = running.succeed(Counts.NONE, "", T0.plus(SETTLE));
        RequestedChange change = new RequestedChange("alice@contoso.com", ALL_TO_TEAMS, "moved", SETTLE);

        assertThatThrownBy(() -> pending.succeed(Counts.NONE, "", T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> pending.retryLater(Counts.NONE, "", T0, T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> pending.reap(T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> done.fail(Counts.NONE, "", T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> running.coalesce(change, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pending.noteFollowUp(change, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> done.coalesce(change, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_retry_due_sooner_than_the_follow_ups_window_keeps_its_own_time() {
        MigrationRequest running = claimed(pending(), T0.plus(SETTLE))
                .noteFollowUp(new RequestedChange("alice@contoso.com", ALL_TO_TEAMS, "moved", Duration.ofHours(1)), T0.plus(SETTLE));
        Instant soon = T0.plus(SETTLE).plus(Duration.ofMinutes(3));

        MigrationRequest retried = running.retryLater(Counts.NONE, "busy", soon, T0.plus(SETTLE));

        assertThat(retried.dueAt()).isEqualTo(soon);
        assertThat(retried.type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(retried.trigger()).isEqualTo("licence assigned; moved");
        assertThat(retried.settleWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void after_a_notice_a_request_is_pending_until_the_time_it_gave_keeps_a_follow_up_and_can_then_be_denied() {
        Instant now = T0.plus(SETTLE);
        MigrationRequest running = claimed(pending(), now)
                .noteFollowUp(new RequestedChange("alice@contoso.com", ALL_TO_TEAMS, "moved", SETTLE), now);
        Instant startsAt = now.plus(Duration.ofHours(1));

        MigrationRequest noticed = running.noticeSent("notice sent", startsAt, now);

        assertThat(noticed.state()).isEqualTo(MigrationState.PENDING);
        assertThat(noticed.dueAt()).isEqualTo(startsAt);
        assertThat(noticed.noticeSentAt()).contains(now);
        assertThat(noticed.retryCount()).as("a notice is no retry").isZero();
        assertThat(noticed.type()).isEqualTo(ALL_TO_TEAMS);
        assertThat(noticed.lease()).isEmpty();
        assertThat(noticed.deny("denied", now).state()).isEqualTo(MigrationState.DENIED);
        assertThatThrownBy(() -> pending().deny("denied", now)).isInstanceOf(IllegalStateChangeException.class);
    }

    @Test
    void a_change_joining_a_noticed_request_moves_its_start_only_later() {
        Instant now = T0.plus(SETTLE);
        MigrationRequest noticed = claimed(pending(), now).noticeSent("notice sent", now.plus(Duration.ofHours(1)), now);
        RequestedChange change = new RequestedChange("alice@contoso.com", TO_SAME_TYPE, "bridge changed", SETTLE);

        assertThat(noticed.coalesce(change, now.plus(Duration.ofMinutes(5))).dueAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(noticed.coalesce(change, now.plus(Duration.ofMinutes(55))).dueAt()).isEqualTo(now.plus(Duration.ofMinutes(65)));
        assertThat(noticed.coalesce(change, now).noticeSentAt()).contains(now);
    }

    @Test
    void a_request_that_contradicts_itself_cannot_be_built() {
        MigrationRequest r = pending();

        assertThatThrownBy(() -> new MigrationRequest(r.id(), r.correlationId(), r.tenant(), r.user(), r.upn(), r.type(), r.trigger(),
                MigrationState.PENDING, r.dueAt(), r.settleWindow(), 0, 0, Optional.of(WORKER), Optional.of(T0), Optional.empty(),
                Counts.NONE, "", T0, T0, Optional.empty())).as("a lease while pending").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationRequest(r.id(), r.correlationId(), r.tenant(), r.user(), r.upn(), r.type(), r.trigger(),
                MigrationState.SUCCEEDED, r.dueAt(), r.settleWindow(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Counts.NONE, "", T0, T0, Optional.empty())).as("finished without a finish time").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationRequest(r.id(), r.correlationId(), r.tenant(), r.user(), r.upn(), r.type(), r.trigger(),
                MigrationState.PENDING, r.dueAt(), r.settleWindow(), 0, 0, Optional.empty(), Optional.empty(),
                Optional.of(r.change()), Counts.NONE, "", T0, T0, Optional.empty())).as("a follow-up while pending")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_long_worker_message_is_cut_to_fit_the_status_column() {
        MigrationRequest running = claimed(pending(), T0.plus(SETTLE));

        MigrationRequest failed = running.fail(Counts.NONE, "e".repeat(10_000), T0.plus(SETTLE));

        assertThat(failed.lastMessage()).hasSize(MigrationRequest.MAX_MESSAGE_LENGTH).endsWith("e…");
    }

    @Test
    void a_request_awaiting_approval_keeps_its_preview_and_due_time_and_only_an_admins_verdict_moves_it() {
        ApprovalHold hold = new ApprovalHold(new Counts(7, 6, 1, 5), "waiting for approval: would update 6 meetings");
        MigrationRequest waiting = pending().awaitApproval(hold, T0.plus(Duration.ofMinutes(1)));

        assertThat(waiting.state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        assertThat(waiting.counts()).isEqualTo(hold.preview());
        assertThat(waiting.lastMessage()).isEqualTo(hold.message());
        assertThat(waiting.dueAt()).isEqualTo(T0.plus(SETTLE));
        assertThat(waiting.awaitApproval(new ApprovalHold(Counts.NONE, "again"), T0).state()).isEqualTo(MigrationState.AWAITING_APPROVAL);
        assertThat(waiting.coalesce(new RequestedChange("alice@contoso.com", TO_SAME_TYPE, "bridge changed", SETTLE), T0.plus(SETTLE))
                .state()).isEqualTo(MigrationState.AWAITING_APPROVAL);

        MigrationRequest early = waiting.approve("approved", T0.plus(Duration.ofMinutes(2)));
        MigrationRequest late = waiting.approve("approved", T0.plus(Duration.ofHours(2)));
        MigrationRequest denied = waiting.deny("denied", T0.plus(Duration.ofMinutes(2)));

        assertThat(early.state()).isEqualTo(MigrationState.PENDING);
        assertThat(early.dueAt()).as("the settle window still counts").isEqualTo(T0.plus(SETTLE));
        assertThat(late.dueAt()).as("due at once").isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(denied.state()).isEqualTo(MigrationState.DENIED);
        assertThat(denied.finishedAt()).contains(T0.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> pending().approve("approved", T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> pending().deny("denied", T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> denied.approve("approved", T0)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> claimed(pending(), T0).awaitApproval(hold, T0)).isInstanceOf(IllegalStateChangeException.class);
    }
}
