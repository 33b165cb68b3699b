package org.mms.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.testing.LocalPostgres;

/**
 * The crash drill at a size for every build (the full size runs with {@code bench/crash}): worker
 * processes on PostgreSQL killed again and again, and nothing lost, damaged or doubled.
 */
class CrashDrillTest {

    @TempDir
    Path work;

    @Test
    void killed_workers_lose_damage_and_double_nothing() throws Exception {
        // Sized so the work outlasts ten kills with room to spare on a loaded machine (20 organizers left it at 9 to 10).
        CrashDrill.Options options = new CrashDrill.Options(28, 80, 10, 2, 2, 20261123L);
        CrashDrill.Report report;
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(4)) {
            report = new CrashDrill(options, work, schema.config()).run();
        }
        System.out.print(report.describe());

        assertThat(report.problems()).isEmpty();
        assertThat(report.kills()).as("processes killed while there was work").isGreaterThanOrEqualTo(options.kills());
        assertThat(report.rewritten()).isPositive();
        assertThat(report.messagesSent()).isEqualTo(report.rewritten());
        // The pickup directory stages a round, records that, and only then releases it, so a sender
        // killed at any step leaves each message to go out exactly once.
        assertThat(report.duplicateDeliveries()).isZero();
    }
}
