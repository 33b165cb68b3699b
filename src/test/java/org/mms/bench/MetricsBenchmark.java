package org.mms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mms.db.CountForMetrics;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcDirectory;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.metrics.DatabaseCounts;

/**
 * What one reading of the database's counts for {@code /metrics} costs as the journal grows: an embedded H2
 * file database filled with {@code MEETINGS} journal rows (one migration request per hundred, one update
 * message per two), then the counts read 20 times; prints the median and the slowest reading.
 *
 * <pre>bench/metrics [MEETINGS]</pre>
 */
public final class MetricsBenchmark {

    private static final int READINGS = 20;

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long meetings = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("mms-metrics-bench");
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            TenantId tenant = new TenantId("contoso");
            new JdbcDirectory(db).saveTenant(new Tenant(tenant, "Contoso", List.of("contoso.com"), TenantSettings.defaults("contoso", "contoso.com")));
            long start = System.nanoTime();
            fill(db, meetings);
            System.out.printf("filled: %,d journal rows, %,d migration requests, %,d update messages in %.1f s%n", meetings, meetings / 100,
                    meetings / 2, (System.nanoTime() - start) / 1e9);
            CountForMetrics counts = new CountForMetrics(db, Clock.systemUTC());
            counts.get();
            List<Double> millis = new ArrayList<>();
            DatabaseCounts last = null;
            for (int i = 0; i < READINGS; i++) {
                long t = System.nanoTime();
                last = counts.get();
                millis.add((System.nanoTime() - t) / 1e6);
            }
            millis.sort(Double::compare);
            long journal = last.meetings().stream().mapToLong(DatabaseCounts.Meetings::count).sum();
            System.out.printf("one reading of the counts (H2 embedded, %,d journal rows counted): median %.0f ms, slowest %.0f ms (%d readings)%n",
                    journal, millis.get(READINGS / 2), millis.getLast(), READINGS);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rows written per transaction: one statement for a million rows would hold them all in H2's undo log. */
    private static final long CHUNK = 50_000;

    private static void fill(Database db, long meetings) {
        for (long from = 1; from <= meetings; from += CHUNK) {
            long first = from;
            long last = Math.min(meetings, from + CHUNK - 1);
            db.jdbi().useTransaction(h -> h.createUpdate("""
                    INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, subject, outcome, reason, write_state, created_at)
                    SELECT 'contoso', 'u' || MOD(X, 10000), 'c' || MOD(X, 10000), 'h' || X, 'uid-' || X, 'Weekly sync',
                      CASE MOD(X, 4) WHEN 0 THEN 'MIGRATED' WHEN 1 THEN 'UNCHANGED' WHEN 2 THEN 'SKIPPED' ELSE 'FAILED' END,
                      CASE MOD(X, 4) WHEN 2 THEN 'PAST' WHEN 3 THEN 'NO_BLOCK' END, 'WRITTEN', CURRENT_TIMESTAMP
                    FROM SYSTEM_RANGE(:first, :last) AS r (x)""").bind("first", first).bind("last", last).execute());
        }
        db.jdbi().useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at, settle_ms,
                      attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update, last_message,
                      create_date, modified_date, finished_at)
                    SELECT 'c' || X, 'contoso', 'u' || X, 'u' || X || '@contoso.com', 'SFB_TO_TEAMS', 'bench', 'SUCCEEDED', CURRENT_TIMESTAMP, 0,
                      1, 0, FALSE, 100, 100, 0, 50, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                    FROM SYSTEM_RANGE(1, :n) AS r (x)""").bind("n", Math.max(1, meetings / 100)).execute();
            h.createUpdate("""
                    INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, state, attempts,
                      next_attempt_at, sent_at, created_at)
                    SELECT 'contoso', 'u' || MOD(X, 10000), 'c' || MOD(X, 10000), 'h' || X, 'uid-' || X, 1, 'u@contoso.com',
                      CASE WHEN MOD(X, 100) = 0 THEN 'PENDING' ELSE 'SENT' END, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                    FROM SYSTEM_RANGE(1, :n) AS r (x)""").bind("n", Math.max(1, meetings / 2)).execute();
        });
    }
}
