package org.mms.db;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Locks the earliest due rows of a work table, reading only about as many rows as it takes.
 *
 * <p>The one-statement claim ({@code … ORDER BY due FETCH FIRST n ROWS ONLY FOR UPDATE SKIP LOCKED})
 * reads, sorts and locks every due row on H2: its {@code EXPLAIN ANALYZE} shows a scan count equal to
 * the whole due queue, with or without the sort. At tens of thousands of queued messages each claim
 * then costs a full scan and holds locks that make other writers wait. So the claim is two steps:
 * <ol>
 *   <li>read a window of candidates per state without locking, ordered by the whole of the
 *       {@code (state, due, id)} index so both databases walk the index and stop early; then</li>
 *   <li>lock, among those candidates, the earliest that are still due and not locked by another
 *       claimer ({@code FOR UPDATE SKIP LOCKED} on a short list of primary keys).</li>
 * </ol>
 * The second step re-checks the state and due time on the latest committed row, so a row another
 * claimer took between the two steps is passed over, never taken twice. The window is wider than the
 * claim so that several claimers reading the same head of the queue at once still find free rows.
 *
 * @param table the work table, with {@code id}, {@code state} and the due column
 * @param dueColumn the column that orders the work (and that must be {@code <= now} for a row to be due)
 * @param states the states whose due rows may be claimed
 */
record LockDueRows(String table, String dueColumn, List<String> states) {

    /** Candidates read per claimed row: enough for a handful of claimers on the same queue head. */
    private static final int WINDOW_PER_ROW = 4;

    LockDueRows {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("rows of at least one state must be claimable");
        }
    }

    /** The ids of up to {@code max} locked due rows, earliest due first; the caller's transaction holds the locks. */
    List<Long> lock(Handle h, OffsetDateTime now, int max) {
        return lock(h, now, max, Set.of());
    }

    /**
     * The same, passing over the rows of the first state (new work) of the tenants in {@code heldTenants}; rows
     * of the other states (work whose claimer's lease ran out) are taken whatever their tenant.
     */
    List<Long> lock(Handle h, OffsetDateTime now, int max, Set<String> heldTenants) {
        int window = max * WINDOW_PER_ROW;
        List<Candidate> candidates = new ArrayList<>();
        for (String state : states) {
            boolean held = !heldTenants.isEmpty() && state.equals(states.getFirst());
            var query = h.createQuery("SELECT id, " + dueColumn + " AS due FROM " + table
                            + " WHERE state = :state AND " + dueColumn + " <= :now" + (held ? " AND tenant_id NOT IN (<held>)" : "")
                            + " ORDER BY state, " + dueColumn + ", id FETCH FIRST :window ROWS ONLY")
                    .bind("state", state).bind("now", now).bind("window", window);
            if (held) {
                query.bindList("held", List.copyOf(heldTenants));
            }
            candidates.addAll(query.map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getObject("due", OffsetDateTime.class))).list());
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> earliest = candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> c.due().toInstant()).thenComparingLong(Candidate::id))
                .limit(window)
                .map(Candidate::id)
                .toList();
        return h.createQuery("SELECT id FROM " + table + " WHERE id IN (<ids>) AND state IN (<states>) AND " + dueColumn + " <= :now"
                        + " ORDER BY " + dueColumn + ", id FETCH FIRST :max ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bindList("ids", earliest).bindList("states", states).bind("now", now).bind("max", max)
                .mapTo(Long.class).list();
    }

    private record Candidate(long id, OffsetDateTime due) {}
}
