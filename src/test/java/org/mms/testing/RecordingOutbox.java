package org.mms.testing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.MessageOutbox;

/**
 * An in-memory {@link MessageOutbox} for tests of the sending round: it hands out the messages it was
 * given, in order, and records every call made to it. The JDBC outbox has its own tests; this one
 * only has to behave like the port says.
 */
public final class RecordingOutbox implements MessageOutbox {

    /** A call the sender made. */
    public sealed interface Call {
        record Sent(long id, Instant at) implements Call {}

        record PartlySent(long id, Instant at, String note) implements Call {}

        record Failed(long id, String error, Instant nextAttempt, boolean permanent) implements Call {}
    }

    private final Deque<Queued> due = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private long nextId = 1;
    private RuntimeException failNextSent;
    private int sentFailures;

    /** Adds a message that has not been tried yet. */
    public RecordingOutbox add(ItipRequest request) {
        return add(request, 0);
    }

    /** Adds a message that has been tried {@code attempts} times already. */
    public RecordingOutbox add(ItipRequest request, int attempts) {
        due.add(new Queued(nextId++, new org.mms.directory.TenantId("contoso"), request, attempts));
        return this;
    }

    /** The next {@link #sent} call throws this (as a database that is down would). */
    public RecordingOutbox failNextSent(RuntimeException failure) {
        return failNextSent(failure, 1);
    }

    /** The next {@code times} {@link #sent} calls throw this. */
    public RecordingOutbox failNextSent(RuntimeException failure, int times) {
        this.failNextSent = failure;
        this.sentFailures = times;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void enqueue(TenantId tenant, UserId user, String correlationId, String href, ItipRequest request, Instant now) {
        add(request);
    }

    @Override
    public List<Queued> claim(Instant now, Instant leaseUntil, int max) {
        List<Queued> claimed = new ArrayList<>();
        while (claimed.size() < max && !due.isEmpty()) {
            claimed.add(due.poll());
        }
        return claimed;
    }

    @Override
    public List<Long> staged(List<Long> ids) {
        throw new UnsupportedOperationException("the tests that use this outbox send with a mailer that does not stage");
    }

    @Override
    public void sent(List<Long> ids, Instant now) {
        if (failNextSent != null && sentFailures > 0) {
            sentFailures--;
            throw failNextSent;
        }
        ids.forEach(id -> calls.add(new Call.Sent(id, now)));
    }

    @Override
    public void partlySent(long id, Instant now, String note) {
        calls.add(new Call.PartlySent(id, now, note));
    }

    @Override
    public void failed(long id, String error, Instant nextAttempt, boolean permanent) {
        calls.add(new Call.Failed(id, error, nextAttempt, permanent));
    }

    /** This outbox knows no tenants and paces none: every queued message waits only for its turn. */
    @Override
    public Pacing pacing(TenantId tenant, Instant now) {
        return new Pacing(due.size(), now, Map.of());
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PENDING", (long) due.size());
        counts.put("SENT", calls.stream().filter(c -> c instanceof Call.Sent || c instanceof Call.PartlySent).count());
        counts.put("FAILED", calls.stream().filter(c -> c instanceof Call.Failed f && f.permanent()).count());
        return counts;
    }
}
