package org.mms.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.TransientStoreException;
import org.mms.calendar.WriteResult;

/**
 * A calendar store whose calls are timed as {@code mms_calendar_store_requests_seconds}, labelled with the
 * store's kind ({@code embedded}, {@code caldav}, {@code graph}), the operation and how it ended: {@code ok},
 * a write's expected outcome ({@code precondition_failed}, {@code not_found}, {@code refused}), or an error
 * ({@code transient_error}, {@code permanent_error}, {@code error} for anything else). The time a caller's
 * own action takes inside {@link #forEachCandidate} is not the store's and is left out.
 */
public final class MeasuredCalendarStore implements CalendarStore {

    /** Latency buckets, in seconds: from an embedded read to a slow remote server's timeout. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final CalendarStore store;
    private final String kind;
    private final MeterRegistry registry;

    public MeasuredCalendarStore(CalendarStore store, String kind, MeterRegistry registry) {
        this.store = store;
        this.kind = kind.toLowerCase(Locale.ROOT);
        this.registry = registry;
    }

    /** The store under the timer (for closing it). */
    public CalendarStore store() {
        return store;
    }

    @Override
    public Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref) {
        return timed("get", () -> store.get(mailbox, ref));
    }

    @Override
    public void forEachCandidate(Mailbox mailbox, Instant from, Instant to, int batchSize, Consumer<StoredResource> action) {
        long[] inAction = {0};
        long start = System.nanoTime();
        String status = "error";
        try {
            store.forEachCandidate(mailbox, from, to, batchSize, resource -> {
                long began = System.nanoTime();
                try {
                    action.accept(resource);
                } finally {
                    inAction[0] += System.nanoTime() - began;
                }
            });
            status = "ok";
        } catch (RuntimeException e) {
            status = status(e);
            throw e;
        } finally {
            record("forEachCandidate", status, System.nanoTime() - start - inAction[0]);
        }
    }

    @Override
    public WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch) {
        return timed("put", () -> store.put(mailbox, ref, data, ifMatch));
    }

    @Override
    public List<WriteResult> putAll(Mailbox mailbox, List<Write> writes) {
        return timed("putAll", () -> store.putAll(mailbox, writes));
    }

    @Override
    public WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data) {
        return timed("create", () -> store.create(mailbox, ref, data));
    }

    @Override
    public long count(Mailbox mailbox) {
        return timed("count", () -> store.count(mailbox));
    }

    @Override
    public boolean schedulesForAttendees(Mailbox mailbox) {
        return store.schedulesForAttendees(mailbox);
    }

    @Override
    public boolean sendsEachEventApart(Mailbox mailbox) {
        return store.sendsEachEventApart(mailbox);
    }

    @Override
    public boolean holds(Mailbox mailbox, ResourceRef ref, String resourceHash) {
        return timed("holds", () -> store.holds(mailbox, ref, resourceHash));
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String status = "error";
        try {
            T result = call.get();
            status = status(result);
            return result;
        } catch (RuntimeException e) {
            status = status(e);
            throw e;
        } finally {
            record(operation, status, System.nanoTime() - start);
        }
    }

    private void record(String operation, String status, long nanos) {
        Timer.builder("mms.calendar.store.requests").description("Calendar store calls by store kind, operation and outcome")
                .tags("store", kind, "operation", operation, "status", status).serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.ofNanos(Math.max(0, nanos)));
    }

    private static String status(Object result) {
        return switch (result) {
            case WriteResult.PreconditionFailed p -> "precondition_failed";
            case WriteResult.NotFound n -> "not_found";
            case WriteResult.Refused r -> "refused";
            case List<?> batch when batch.stream().anyMatch(r -> r instanceof WriteResult w && !(w instanceof WriteResult.Written)) ->
                    "partly_written";
            case null, default -> "ok";
        };
    }

    private static String status(RuntimeException e) {
        return switch (e) {
            case TransientStoreException t -> "transient_error";
            case PermanentStoreException p -> "permanent_error";
            default -> "error";
        };
    }
}
