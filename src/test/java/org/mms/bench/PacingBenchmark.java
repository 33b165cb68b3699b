package org.mms.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcDirectory;
import org.mms.db.JdbcMessageOutbox;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.QuietHours;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.MessageOutbox;
import org.mms.testing.ItipRequests;

/**
 * Milliseconds per outbox claim of 25 messages on the embedded H2 database, printed, never asserted (run by
 * {@code bench/pacing}): with no tenant paced, and with a tenant in its quiet hours whose held messages stand at the
 * head of the queue, ahead of another tenant's. The claim passes over the held messages in the index, so its cost
 * grows with how many of them are due.
 */
public final class PacingBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T23:00:00Z");
    private static final int CLAIM = 25;

    private PacingBenchmark() {
    }

    public static void main(String[] args) {
        int held = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(Locale.ROOT, "Pacing benchmark: H2 in memory, claims of %d, %d runs, %d cores, java %s%n", CLAIM, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int backlog : List.of(0, held / 10, held)) {
            System.out.printf(Locale.ROOT, "held messages ahead: %,7d   median claim %.2f ms%n", backlog, medianClaimMillis(backlog, runs));
        }
    }

    private static double medianClaimMillis(int heldMessages, int runs) {
        try (Database db = Database.open(DatabaseConfig.inMemory("pacing-" + UUID.randomUUID()))) {
            JdbcDirectory directory = new JdbcDirectory(db);
            JdbcMessageOutbox outbox = new JdbcMessageOutbox(db);
            TenantId quiet = tenant(directory, "quiet", new OutgoingPacing(OptionalInt.of(1000),
                    Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("UTC")))));
            TenantId busy = tenant(directory, "busy", OutgoingPacing.NONE);
            enqueue(outbox, quiet, heldMessages, NOW.minus(Duration.ofHours(1)));
            enqueue(outbox, busy, CLAIM * (runs + 20), NOW);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs + 20; i++) {
                long start = System.nanoTime();
                List<MessageOutbox.Queued> claimed = outbox.claim(NOW, NOW.plus(Duration.ofMinutes(5)), CLAIM);
                long took = System.nanoTime() - start;
                if (claimed.size() != CLAIM) {
                    throw new IllegalStateException("claimed " + claimed.size());
                }
                if (i >= 20) { // the first rounds warm up the JIT
                    millis.add(took / 1e6);
                }
            }
            Collections.sort(millis);
            return millis.get(millis.size() / 2);
        }
    }

    private static TenantId tenant(JdbcDirectory directory, String name, OutgoingPacing pacing) {
        TenantSettings d = TenantSettings.defaults(name, name + ".example");
        directory.saveTenant(new Tenant(new TenantId(name), name, List.of(name + ".example"), new TenantSettings(d.meetingMigrationEnabled(),
                d.automaticallyMigrateUserMeetings(), d.automaticallyReplaceAcpProvider(), d.migrateOnSipAddressChange(),
                d.migrateOnMeetingUrlChange(), d.settleWindow(), d.attendeeLimit(), d.retryAttempts(), d.retryWindow(), d.retention(),
                d.onlineMeetingUrl(), d.onPremisesMeetingUrl(), d.teamsJoinUrlTemplate(), d.localNumbersUrl(), d.pinResetUrl(), d.helpUrl(),
                d.requireAddInProperties(), d.customFooter(), pacing)));
        return new TenantId(name);
    }

    private static void enqueue(JdbcMessageOutbox outbox, TenantId tenant, int messages, Instant at) {
        ItipRequest request = ItipRequests.aRequest().uid("bench").build();
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(tenant, new UserId("organizer"), "c", "m" + i + ".ics", request, at);
        }
    }
}
