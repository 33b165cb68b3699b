package org.mms.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mms.directory.TenantId;
import org.mms.migration.FailReason;
import org.mms.migration.MigrationType;
import org.mms.migration.SkipReason;
import org.mms.queue.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges over the database's counts, read on scrape and kept for {@link #MAX_AGE} so that several
 * Prometheus servers (or a burst of scrapes) cost one set of aggregate queries. Every tenant gets a row for
 * every migration state and type, zeros included, so that an alert on a series never misses one that
 * does not exist yet; states and types come from their enums, so a new state shows without a change here.
 * A read that fails keeps the last figures and counts the failure.
 */
public final class DatabaseGauges implements Runnable {

    /** How long one reading of the database serves scrapes. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);
    private static final Set<String> OUTCOMES = Set.of("MIGRATED", "UNCHANGED", "SKIPPED", "FAILED");
    private static final Set<String> REASONS = java.util.stream.Stream.concat(Arrays.stream(SkipReason.values()).map(Enum::name),
            Arrays.stream(FailReason.values()).map(Enum::name)).collect(Collectors.toUnmodifiableSet());

    private final Supplier<DatabaseCounts> read;
    private final Clock clock;
    private final MultiGauge migrations;
    private final MultiGauge meetings;
    private final MultiGauge updates;
    private final MultiGauge pending;
    private final MultiGauge oldestDue;
    private final MultiGauge unsent;
    private final MultiGauge oldestUnsent;
    private final Counter failures;
    private Instant readAt = Instant.MIN;

    public DatabaseGauges(MeterRegistry registry, Supplier<DatabaseCounts> read, Clock clock) {
        this.read = read;
        this.clock = clock;
        this.migrations = MultiGauge.builder("mms.migrations").description("Migration requests by tenant, state and type").register(registry);
        this.meetings = MultiGauge.builder("mms.meetings")
                .description("Meetings in the migration journal by tenant, outcome and reason (none for migrated and unchanged)")
                .register(registry);
        this.updates = MultiGauge.builder("mms.updates").description("Update messages by tenant and outbox state (HELD, PENDING, SENDING, STAGED, SENT, FAILED)")
                .register(registry);
        this.pending = MultiGauge.builder("mms.queue.depth").description("Migration requests pending (settling or due), by tenant").register(registry);
        this.oldestDue = MultiGauge.builder("mms.queue.oldest.due.age").baseUnit("seconds")
                .description("How long the longest-waiting due migration request has been due, by tenant (0 when none is due)").register(registry);
        this.unsent = MultiGauge.builder("mms.outbox.depth").description("Update messages due or being sent, by tenant").register(registry);
        this.oldestUnsent = MultiGauge.builder("mms.outbox.oldest.age").baseUnit("seconds")
                .description("Age of the oldest update message due or being sent, by tenant (0 when none)").register(registry);
        this.failures = Counter.builder("mms.metrics.database.read.failures")
                .description("Scrapes whose reading of the database failed; the gauges kept their last figures").register(registry);
    }

    /** Reads the database again when the last reading is older than {@link #MAX_AGE}. */
    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        if (readAt.plus(MAX_AGE).isAfter(now)) {
            return;
        }
        DatabaseCounts counts;
        try {
            counts = read.get();
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warn("metrics: reading the counts from the database failed; the gauges keep their last figures", e);
            return;
        }
        readAt = now;
        publish(counts, now);
    }

    private void publish(DatabaseCounts counts, Instant now) {
        Map<Tags, Long> byStateAndType = new LinkedHashMap<>();
        for (DatabaseCounts.Backlog b : counts.backlogs()) {
            for (MigrationState state : MigrationState.values()) {
                for (MigrationType type : MigrationType.values()) {
                    byStateAndType.put(migrationTags(b.tenant(), state, type), 0L);
                }
            }
        }
        counts.migrations().forEach(m -> byStateAndType.merge(migrationTags(m.tenant(), m.state(), m.type()), m.count(), Long::sum));
        migrations.register(rows(byStateAndType), true);

        Map<Tags, Long> byOutcome = new LinkedHashMap<>();
        for (DatabaseCounts.Meetings m : counts.meetings()) {
            String outcome = OUTCOMES.contains(m.outcome()) ? m.outcome() : "OTHER";
            String reason = m.reason().map(r -> REASONS.contains(r) ? r : "OTHER").orElse("none");
            byOutcome.merge(Tags.of("tenant", m.tenant().value(), "outcome", outcome, "reason", reason), m.count(), Long::sum);
        }
        meetings.register(rows(byOutcome), true);

        Map<Tags, Long> byState = new LinkedHashMap<>();
        counts.updates().forEach(u -> byState.merge(Tags.of("tenant", u.tenant().value(), "state", u.state()), u.count(), Long::sum));
        updates.register(rows(byState), true);

        List<MultiGauge.Row<?>> depth = new ArrayList<>();
        List<MultiGauge.Row<?>> due = new ArrayList<>();
        List<MultiGauge.Row<?>> outbox = new ArrayList<>();
        List<MultiGauge.Row<?>> outboxAge = new ArrayList<>();
        for (DatabaseCounts.Backlog b : counts.backlogs()) {
            Tags tenant = Tags.of("tenant", b.tenant().value());
            depth.add(MultiGauge.Row.of(tenant, b.pending()));
            due.add(MultiGauge.Row.of(tenant, secondsSince(b.oldestDue(), now)));
            outbox.add(MultiGauge.Row.of(tenant, b.unsent()));
            outboxAge.add(MultiGauge.Row.of(tenant, secondsSince(b.oldestUnsent(), now)));
        }
        pending.register(depth, true);
        oldestDue.register(due, true);
        unsent.register(outbox, true);
        oldestUnsent.register(outboxAge, true);
    }

    private static Tags migrationTags(TenantId tenant, MigrationState state, MigrationType type) {
        return Tags.of("tenant", tenant.value(), "state", state.displayName(), "type", type.displayName());
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> values) {
        return values.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList();
    }

    private static double secondsSince(Optional<Instant> since, Instant now) {
        return since.map(s -> Math.max(0, Duration.between(s, now).toMillis() / 1000.0)).orElse(0.0);
    }
}
