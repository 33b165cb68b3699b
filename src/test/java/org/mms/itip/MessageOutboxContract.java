package org.mms.itip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.MessageOutbox.Queued;
import org.mms.testing.ItipRequests;

/**
 * What every {@link MessageOutbox} must do: keep a message whole, let one sender at a time have it
 * under a lease, give it back when the lease runs out, and never give out a sent or given-up one.
 * Each database gets a subclass that says how to open the adapter.
 */
public abstract class MessageOutboxContract {

    private static final TenantId TENANT = new TenantId("contoso");
    private static final UserId USER = new UserId("3f1c6a52-0b7e-4f0e-9a55-1c2d3e4f5a6b");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** An empty outbox. */
    protected abstract MessageOutbox open();

    private MessageOutbox outbox;

    @BeforeEach
    void open_an_empty_outbox() {
        outbox = open();
    }

    @Test
    void a_queued_message_is_claimed_with_every_field_as_it_was_given() {
        ItipRequest full = ItipRequests.aRequest().uid("uid-full").build();
        ItipRequest bare = ItipRequests.aRequest().uid("uid-bare").sequence(0).organizer(Mailbox.of("ana.ortiz@contoso.com"))
                .attendees(Mailbox.of("bob@fabrikam.com"), Mailbox.of("Carol@Contoso.com", "Carol Ölund")).subject("").textBody("")
                .noHtmlBody().build();
        enqueue(full, T0);
        enqueue(bare, T0.plusSeconds(1));

        List<Queued> claimed = outbox.claim(T0.plusSeconds(1), T0.plus(LEASE), 10);

        assertThat(claimed).extracting(Queued::request).containsExactly(full, bare);
        assertThat(claimed).extracting(Queued::attempts).containsExactly(0, 0);
        assertThat(claimed).extracting(Queued::tenant).as("the writer names messages by it").containsExactly(TENANT, TENANT);
        assertThat(claimed).extracting(Queued::id).doesNotHaveDuplicates();
    }

    @Test
    void nothing_is_claimed_before_it_is_due() {
        enqueue(request("uid-1"), T0);

        assertThat(claimAt(T0.minusMillis(1))).isEmpty();
        assertThat(claimAt(T0)).hasSize(1);
    }

    @Test
    void claims_take_the_longest_waiting_messages_first_and_no_more_than_asked() {
        enqueue(request("uid-third"), T0.plusSeconds(2));
        enqueue(request("uid-first"), T0);
        enqueue(request("uid-second"), T0.plusSeconds(1));
        Instant now = T0.plusSeconds(3);

        assertThat(uids(outbox.claim(now, now.plus(LEASE), 2))).containsExactly("uid-first", "uid-second");
        assertThat(uids(outbox.claim(now, now.plus(LEASE), 2))).containsExactly("uid-third");
        assertThat(outbox.claim(now, now.plus(LEASE), 2)).isEmpty();
    }

    @Test
    void a_claimed_message_is_not_claimed_again_while_its_lease_lasts() {
        enqueue(request("uid-1"), T0);
        assertThat(claimAt(T0)).hasSize(1);

        assertThat(claimAt(T0)).isEmpty();
        assertThat(claimAt(T0.plus(LEASE).minusMillis(1))).isEmpty();
        assertThat(outbox.counts()).contains(entry("PENDING", 0L), entry("SENDING", 1L));
    }

    @Test
    void a_message_whose_lease_ran_out_is_claimed_again_with_no_attempt_counted() {
        Queued first = queuedAndClaimed();
        Instant later = T0.plus(LEASE);

        List<Queued> again = claimAt(later);

        assertThat(again).containsExactly(new Queued(first.id(), first.tenant(), first.request(), 0));
        assertThat(claimAt(later)).as("under the new lease").isEmpty();
    }

    @Test
    void a_message_claimed_by_one_sender_is_not_claimed_by_another() throws Exception {
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            enqueue(request("uid-" + i), T0);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                claims.add(senders.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (List<Queued> batch = outbox.claim(T0, T0.plus(LEASE), 2); !batch.isEmpty();
                            batch = outbox.claim(T0, T0.plus(LEASE), 2)) {
                        batch.forEach(q -> ids.add(q.id()));
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                all.addAll(claim.get(30, TimeUnit.SECONDS));
            }

            assertThat(all).hasSize(messages).doesNotHaveDuplicates();
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void a_sent_message_is_never_claimed_again() {
        Queued claimed = queuedAndClaimed();

        outbox.sent(claimed.id(), T0.plusSeconds(1));

        assertThat(claimAt(T0.plus(Duration.ofDays(400)))).isEmpty();
        assertThat(outbox.counts()).contains(entry("SENDING", 0L), entry("SENT", 1L));
    }

    @Test
    void a_message_sent_to_all_but_some_recipients_counts_as_sent_and_is_never_sent_again() {
        Queued claimed = queuedAndClaimed();

        outbox.partlySent(claimed.id(), T0.plusSeconds(1), "not delivered to gone@contoso.com: 550 5.1.1 mailbox unavailable");

        assertThat(claimAt(T0.plus(Duration.ofDays(400)))).as("never sent again, even after the lease").isEmpty();
        assertThat(outbox.counts()).contains(entry("PENDING", 0L), entry("SENDING", 0L), entry("SENT", 1L));
    }

    @Test
    void a_late_failure_report_does_not_bring_back_a_message_another_sender_sent() {
        Queued slowSender = queuedAndClaimed();
        Instant later = T0.plus(LEASE);
        Queued secondSender = claimAt(later).getFirst();
        outbox.sent(secondSender.id(), later.plusSeconds(1));

        outbox.failed(slowSender.id(), "timed out waiting for the mail server", later.plusSeconds(60), false);

        assertThat(claimAt(T0.plus(Duration.ofDays(400)))).isEmpty();
        assertThat(outbox.counts()).contains(entry("PENDING", 0L), entry("SENT", 1L));
    }

    @Test
    void a_failed_message_is_claimed_again_when_its_retry_is_due_with_the_attempt_counted() {
        Queued claimed = queuedAndClaimed();
        Instant retry = T0.plus(Duration.ofMinutes(1));

        outbox.failed(claimed.id(), "421 4.7.0 try again later", retry, false);

        assertThat(outbox.counts()).contains(entry("PENDING", 1L), entry("SENDING", 0L));
        assertThat(claimAt(retry.minusMillis(1))).isEmpty();
        assertThat(claimAt(retry)).containsExactly(new Queued(claimed.id(), claimed.tenant(), claimed.request(), 1));
    }

    @Test
    void a_permanent_failure_is_recorded_and_never_retried() {
        Queued claimed = queuedAndClaimed();

        outbox.failed(claimed.id(), "550 5.1.1 no such user", T0.plusSeconds(5), true);

        assertThat(claimAt(T0.plus(Duration.ofDays(400)))).isEmpty();
        assertThat(outbox.counts()).contains(entry("PENDING", 0L), entry("SENDING", 0L), entry("FAILED", 1L));
    }

    @Test
    void a_staged_message_whose_lease_ran_out_is_claimed_again_still_staged() {
        Queued claimed = queuedAndClaimed();

        assertThat(outbox.staged(List.of(claimed.id()))).containsExactly(claimed.id());

        assertThat(outbox.counts()).contains(entry("SENDING", 0L), entry("STAGED", 1L));
        assertThat(claimAt(T0.plus(LEASE).minusMillis(1))).as("while its lease lasts").isEmpty();
        Instant later = T0.plus(LEASE);
        assertThat(claimAt(later)).containsExactly(new Queued(claimed.id(), claimed.tenant(), claimed.request(), 0, true));
        assertThat(claimAt(later)).as("under the new lease").isEmpty();
        assertThat(outbox.counts()).contains(entry("STAGED", 1L));
    }

    @Test
    void only_messages_still_being_sent_are_recorded_as_staged() {
        enqueue(request("uid-sending"), T0);
        enqueue(request("uid-sent"), T0);
        List<Queued> claimed = claimAt(T0);
        outbox.sent(claimed.get(1).id(), T0.plusSeconds(1));

        List<Long> staged = outbox.staged(List.of(claimed.get(0).id(), claimed.get(1).id()));

        assertThat(staged).containsExactly(claimed.get(0).id());
        assertThat(outbox.counts()).contains(entry("STAGED", 1L), entry("SENT", 1L));
    }

    @Test
    void a_staged_message_that_failed_to_go_out_stays_staged_for_its_next_try() {
        Queued claimed = queuedAndClaimed();
        outbox.staged(List.of(claimed.id()));
        Instant retry = T0.plus(Duration.ofMinutes(1));

        outbox.failed(claimed.id(), "could not release the file", retry, false);

        assertThat(outbox.counts()).contains(entry("PENDING", 0L), entry("STAGED", 1L));
        assertThat(claimAt(retry.minusMillis(1))).isEmpty();
        assertThat(claimAt(retry)).containsExactly(new Queued(claimed.id(), claimed.tenant(), claimed.request(), 1, true));
    }

    @Test
    void a_whole_round_is_recorded_as_sent_at_once() {
        for (int i = 0; i < 5; i++) {
            enqueue(request("uid-" + i), T0);
        }
        List<Queued> claimed = claimAt(T0);
        List<Long> ids = claimed.stream().map(Queued::id).toList();
        outbox.staged(ids.subList(0, 3));

        outbox.sent(ids.subList(0, 4), T0.plusSeconds(1));

        assertThat(outbox.counts()).contains(entry("SENDING", 1L), entry("STAGED", 0L), entry("SENT", 4L));
        assertThat(claimAt(T0.plus(LEASE))).extracting(Queued::id).containsExactly(ids.get(4));
    }

    @Test
    void counts_name_every_state_even_when_it_has_no_message() {
        assertThat(outbox.counts()).containsExactly(entry("HELD", 0L), entry("PENDING", 0L), entry("SENDING", 0L), entry("STAGED", 0L),
                entry("SENT", 0L), entry("FAILED", 0L));

        enqueue(request("uid-1"), T0);
        enqueue(request("uid-2"), T0.plusSeconds(1));
        enqueue(request("uid-3"), T0.plusSeconds(2));
        List<Queued> claimed = outbox.claim(T0.plusSeconds(2), T0.plus(LEASE), 2);
        outbox.sent(claimed.get(1).id(), T0.plusSeconds(3));

        assertThat(outbox.counts()).containsExactly(entry("HELD", 0L), entry("PENDING", 1L), entry("SENDING", 1L), entry("STAGED", 0L),
                entry("SENT", 1L), entry("FAILED", 0L));
    }

    /** Up to ten messages due at {@code now}, under the usual lease. */
    private List<Queued> claimAt(Instant now) {
        return outbox.claim(now, now.plus(LEASE), 10);
    }

    /** One message queued at T0 and claimed then. */
    private Queued queuedAndClaimed() {
        enqueue(request("uid-1"), T0);
        return claimAt(T0).getFirst();
    }

    private void enqueue(ItipRequest request, Instant now) {
        outbox.enqueue(TENANT, USER, UUID.randomUUID().toString(), request.uid() + ".ics", request, now);
    }

    private static ItipRequest request(String uid) {
        return ItipRequests.aRequest().uid(uid).build();
    }

    private static List<String> uids(List<Queued> claimed) {
        return claimed.stream().map(q -> q.request().uid()).toList();
    }
}
