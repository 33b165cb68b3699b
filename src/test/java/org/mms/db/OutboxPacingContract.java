package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.ItipRequests.aRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.QuietHours;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.directory.UserId;
import org.mms.itip.Delivery;
import org.mms.itip.Mailer;
import org.mms.itip.MessageOutbox;
import org.mms.itip.SendOutbox;
import org.mms.testing.MutableClock;

/**
 * A tenant's pacing as the outbox applies it: no more than its hourly limit in any rolling hour, counted from the
 * messages the database records as sent (so several senders together keep it), and nothing during its quiet hours;
 * the status says how many wait and until when. Each database gets a subclass.
 */
abstract class OutboxPacingContract {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** The database, migrated; its outbox is emptied before each test. */
    protected abstract SharedDatabase database();

    private final MutableClock clock = MutableClock.at(T0);
    private final AtomicInteger mailed = new AtomicInteger();
    private final Mailer mailer = request -> {
        mailed.incrementAndGet();
        return new Delivery.Accepted();
    };
    private JdbcMessageOutbox outbox;
    private JdbcDirectory directory;

    @BeforeEach
    void empty_the_outbox() {
        database().deleteAll("outbox_message");
        outbox = new JdbcMessageOutbox(database().db());
        directory = new JdbcDirectory(database().db());
    }

    @Test
    void a_rate_of_five_an_hour_sends_five_then_waits_and_the_rest_go_in_the_next_windows() {
        TenantId tenant = tenant(new OutgoingPacing(OptionalInt.of(5), Optional.empty()));
        enqueue(tenant, 12, T0);
        SendOutbox sender = new SendOutbox(outbox, mailer, clock);

        assertThat(sender.runOnce(100)).isEqualTo(5);
        clock.advance(Duration.ofMinutes(59));
        assertThat(sender.runOnce(100)).as("the hour since the first five has not passed").isZero();
        assertThat(status(tenant)).isEqualTo(pacing(7, T0.plus(Duration.ofHours(1))));

        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(sender.runOnce(100)).isEqualTo(5);
        clock.advance(Duration.ofHours(1));
        assertThat(sender.runOnce(100)).isEqualTo(2);
        assertThat(mailed).hasValue(12);
        assertThat(status(tenant)).isEqualTo(pacing(0, clock.instant()));
    }

    @Test
    void the_hour_slides_so_a_slot_frees_an_hour_after_each_message_went() {
        TenantId tenant = tenant(new OutgoingPacing(OptionalInt.of(3), Optional.empty()));
        SendOutbox sender = new SendOutbox(outbox, mailer, clock);
        enqueue(tenant, 2, T0);
        assertThat(sender.runOnce(100)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(20));
        enqueue(tenant, 5, clock.instant());
        assertThat(sender.runOnce(100)).isEqualTo(1);

        assertThat(outbox.pacing(tenant, clock.instant()).nextSendTime()).isEqualTo(T0.plus(Duration.ofHours(1)));
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(sender.runOnce(100)).as("the two sent at 09:00 left the hour, the one sent at 09:20 did not").isEqualTo(2);
        assertThat(status(tenant)).isEqualTo(pacing(2, T0.plus(Duration.ofMinutes(80))));
    }

    @Test
    void several_senders_at_once_together_send_no_more_than_the_limit() throws Exception {
        TenantId tenant = tenant(new OutgoingPacing(OptionalInt.of(7), Optional.empty()));
        enqueue(tenant, 40, T0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rounds.add(senders.submit(() -> {
                    start.await();
                    SendOutbox sender = new SendOutbox(outbox, mailer, clock);
                    int sent = 0;
                    for (int round = 0; round < 5; round++) {
                        sent += sender.runOnce(2);
                    }
                    return sent;
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> round : rounds) {
                sent += round.get(60, TimeUnit.SECONDS);
            }

            assertThat(sent).isEqualTo(7);
            assertThat(mailed).hasValue(7);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void quiet_hours_across_midnight_hold_the_messages_until_they_end_in_the_tenants_zone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TenantId tenant = tenant(new OutgoingPacing(OptionalInt.empty(), Optional.of(new QuietHours(LocalTime.of(22, 0),
                LocalTime.of(6, 30), berlin))));
        Instant lateEvening = Instant.parse("2026-11-23T22:15:00Z"); // 23:15 in Berlin
        clock.set(lateEvening);
        enqueue(tenant, 3, lateEvening);
        SendOutbox sender = new SendOutbox(outbox, mailer, clock);

        assertThat(sender.runOnce(100)).isZero();
        Instant morning = Instant.parse("2026-11-24T05:30:00Z"); // 06:30 in Berlin
        assertThat(status(tenant)).isEqualTo(pacing(3, morning));
        assertThat(outbox.pacing(tenant, lateEvening).waitingByMigration()).as("one message from each of three migrations")
                .hasSize(3).allSatisfy((migration, waiting) -> assertThat(waiting).isOne());
        clock.set(morning.minusSeconds(1));
        assertThat(sender.runOnce(100)).isZero();
        clock.set(morning);
        assertThat(sender.runOnce(100)).isEqualTo(3);
    }

    @Test
    void one_tenants_quiet_hours_hold_only_its_own_messages() {
        TenantId quiet = tenant(new OutgoingPacing(OptionalInt.empty(), Optional.of(new QuietHours(LocalTime.of(8, 0),
                LocalTime.of(18, 0), ZoneId.of("UTC")))));
        TenantId busy = tenant(OutgoingPacing.NONE);
        enqueue(quiet, 2, T0);
        enqueue(busy, 2, T0);

        List<MessageOutbox.Queued> claimed = outbox.claim(T0, T0.plus(Duration.ofMinutes(5)), 100);

        assertThat(claimed).extracting(MessageOutbox.Queued::tenant).containsExactly(busy, busy);
        assertThat(status(busy)).isEqualTo(pacing(0, T0));
    }

    @Test
    void a_message_claimed_by_a_sender_that_died_is_taken_over_and_counts_once_against_the_limit() {
        TenantId tenant = tenant(new OutgoingPacing(OptionalInt.of(1), Optional.empty()));
        enqueue(tenant, 2, T0);
        Duration lease = Duration.ofMinutes(5);
        assertThat(outbox.claim(T0, T0.plus(lease), 100)).hasSize(1);

        assertThat(outbox.claim(T0.plus(lease), T0.plus(lease).plus(lease), 100))
                .as("the claimed one, once its lease ran out, not the second: the first still counts").hasSize(1);
    }

    /** The pacing status without the waiting messages by migration. */
    private static MessageOutbox.Pacing pacing(long waiting, Instant nextSendTime) {
        return new MessageOutbox.Pacing(waiting, nextSendTime, java.util.Map.of());
    }

    private MessageOutbox.Pacing status(TenantId tenant) {
        MessageOutbox.Pacing status = outbox.pacing(tenant, clock.instant());
        return pacing(status.waiting(), status.nextSendTime());
    }

    private TenantId tenant(OutgoingPacing pacing) {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        TenantSettings d = TenantSettings.defaults(name, name + ".example");
        TenantSettings settings = new TenantSettings(d.meetingMigrationEnabled(), d.automaticallyMigrateUserMeetings(),
                d.automaticallyReplaceAcpProvider(), d.migrateOnSipAddressChange(), d.migrateOnMeetingUrlChange(), d.settleWindow(),
                d.attendeeLimit(), d.retryAttempts(), d.retryWindow(), d.retention(), d.onlineMeetingUrl(), d.onPremisesMeetingUrl(),
                d.teamsJoinUrlTemplate(), d.localNumbersUrl(), d.pinResetUrl(), d.helpUrl(), d.requireAddInProperties(), d.customFooter(),
                pacing);
        TenantId id = new TenantId(name);
        directory.saveTenant(new Tenant(id, name, List.of(name + ".example"), settings));
        return id;
    }

    private void enqueue(TenantId tenant, int messages, Instant at) {
        for (int i = 0; i < messages; i++) {
            String uid = tenant.value() + "-" + UUID.randomUUID();
            outbox.enqueue(tenant, new UserId("organizer"), UUID.randomUUID().toString(), uid + ".ics", aRequest().uid(uid).build(), at);
        }
    }
}
