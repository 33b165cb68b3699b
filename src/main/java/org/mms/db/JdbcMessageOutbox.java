package org.mms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.mms.itip.SendAllowance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;
import org.mms.itip.MessageOutbox;
import org.mms.itip.OrganizerNotice;
import org.mms.itip.OutgoingMessage;

/**
 * The outbox in tables {@code outbox_message} (state) and {@code outbox_content} (written once). HELD
 * messages wait for their meeting's write to be confirmed (see {@link JdbcMigrationJournal}); PENDING ones
 * are due; SENDING ones are claimed until their lease (kept in {@code next_attempt_at}) ends, after which
 * another sender may take them. STAGED ones are written where the mail system does not see them yet
 * ({@link org.mms.itip.StagingMailer}); they too are leased, and whoever takes one over only releases it.
 */
public final class JdbcMessageOutbox implements MessageOutbox {

    /** PENDING messages are due at their next attempt; SENDING and STAGED ones when their sender's lease ends. */
    private static final LockDueRows DUE = new LockDueRows("outbox_message", "next_attempt_at", List.of("PENDING", "SENDING", "STAGED"));

    /** Every state a message can be in, in the order of its life. */
    static final List<String> STATES = List.of("HELD", "PENDING", "SENDING", "STAGED", "SENT", "FAILED");

    private final Jdbi jdbi;

    public JdbcMessageOutbox(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public void enqueue(TenantId tenant, UserId user, String correlationId, String href, ItipRequest request, Instant now) {
        jdbi.useTransaction(h -> new MessageRows(h).add(tenant, user, correlationId, href, request, "PENDING", now).insert());
    }

    /**
     * A tenant's new messages are claimed only as its pacing allows (none during its quiet hours, no more than its
     * hourly limit); messages a sender that died had claimed are taken over whatever the pacing, since they were
     * allowed when first claimed.
     */
    @Override
    public List<Queued> claim(Instant now, Instant leaseUntil, int max) {
        return jdbi.inTransaction(h -> {
            Map<String, SendAllowance> allowances = OutboxPacing.allowances(h, now, true);
            Set<String> held = new HashSet<>();
            allowances.forEach((tenant, allowance) -> {
                if (allowance.messages() == 0) {
                    held.add(tenant);
                }
            });
            List<Long> ids = withinAllowances(h, DUE.lock(h, JdbcMigrationJournal.time(now), max, held), allowances);
            if (ids.isEmpty()) {
                return List.<Queued>of();
            }
            // A staged message stays staged under its new lease: it is only to be released.
            h.createUpdate("""
                            UPDATE outbox_message SET state = CASE WHEN state = 'STAGED' THEN 'STAGED' ELSE 'SENDING' END,
                              next_attempt_at = :lease
                            WHERE id IN (<ids>)""")
                    .bind("lease", JdbcMigrationJournal.time(leaseUntil)).bindList("ids", ids).execute();
            Map<Long, Queued> byId = new java.util.HashMap<>();
            h.createQuery("SELECT * FROM outbox_message m JOIN outbox_content c ON c.message_id = m.id WHERE m.id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> new Queued(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), request(rs), rs.getInt("attempts"),
                            "STAGED".equals(rs.getString("state"))))
                    .forEach(q -> byId.put(q.id(), q));
            // In the order they were due, as the claim chose them.
            List<Queued> claimed = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            return claimed;
        });
    }

    /** The locked ids, earliest first, without the new messages of a tenant beyond what it may send now. */
    private static List<Long> withinAllowances(Handle h, List<Long> locked, Map<String, SendAllowance> allowances) {
        if (locked.isEmpty() || allowances.isEmpty()) {
            return locked;
        }
        Map<Long, String> newMessageTenants = new HashMap<>();
        h.createQuery("SELECT id, tenant_id FROM outbox_message WHERE id IN (<ids>) AND state = 'PENDING'").bindList("ids", locked)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("tenant_id"))).forEach(e -> newMessageTenants.put(e.getKey(), e.getValue()));
        Map<String, Integer> left = new HashMap<>();
        allowances.forEach((tenant, allowance) -> left.put(tenant, allowance.messages()));
        List<Long> kept = new ArrayList<>();
        for (Long id : locked) {
            String tenant = newMessageTenants.get(id);
            if (tenant != null && left.containsKey(tenant)) {
                int remaining = left.get(tenant);
                if (remaining == 0) {
                    continue;
                }
                left.put(tenant, remaining - 1);
            }
            kept.add(id);
        }
        return kept;
    }

    @Override
    public Pacing pacing(TenantId tenant, Instant now) {
        return jdbi.withHandle(h -> {
            Map<String, Long> byMigration = new HashMap<>();
            h.createQuery("""
                            SELECT correlation_id, COUNT(*) AS n FROM outbox_message
                            WHERE tenant_id = :t AND state IN ('HELD', 'PENDING') AND kind = 'UPDATE'
                            GROUP BY correlation_id""")
                    .bind("t", tenant.value()).map((rs, ctx) -> Map.entry(rs.getString("correlation_id"), rs.getLong("n")))
                    .forEach(e -> byMigration.put(e.getKey(), e.getValue()));
            long waiting = byMigration.values().stream().mapToLong(Long::longValue).sum();
            SendAllowance allowance = OutboxPacing.allowances(h, now, false).get(tenant.value());
            return new Pacing(waiting, allowance == null ? now : allowance.nextSendTime(), byMigration);
        });
    }

    @Override
    public List<Long> staged(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(h -> {
            // One statement per id, so the counts say which ones this sender still held.
            var batch = h.prepareBatch("UPDATE outbox_message SET state = 'STAGED' WHERE id = :id AND state = 'SENDING'");
            ids.forEach(id -> batch.bind("id", id).add());
            int[] updated = batch.execute();
            List<Long> held = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (updated[i] > 0) {
                    held.add(ids.get(i));
                }
            }
            return held;
        });
    }

    @Override
    public void sent(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox_message SET state = 'SENT', sent_at = :now, attempts = attempts + 1 WHERE id IN (<ids>)")
                .bind("now", JdbcMigrationJournal.time(now)).bindList("ids", ids).execute());
    }

    @Override
    public void partlySent(long id, Instant now, String note) {
        // SENT like any accepted message; the note goes where an admin looks for what went wrong.
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox_message SET state = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = :note
                WHERE id = :id""")
                .bind("now", JdbcMigrationJournal.time(now)).bind("note", note).bind("id", id).execute());
    }

    @Override
    public void failed(long id, String error, Instant nextAttempt, boolean permanent) {
        // Only a message still being sent: a sender whose lease ran out may report its failure after
        // another sender took the message and sent it, and that must not make a SENT message due again.
        // A staged message stays staged, so the next try releases it rather than writing it again.
        String next = permanent ? "'FAILED'" : "CASE WHEN state = 'STAGED' THEN 'STAGED' ELSE 'PENDING' END";
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox_message SET state = " + next + """
                        , attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        WHERE id = :id AND state IN ('SENDING', 'STAGED')""")
                .bind("error", error).bind("next", JdbcMigrationJournal.time(nextAttempt)).bind("id", id).execute());
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : STATES) {
            counts.put(state, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox_message GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n"))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static OutgoingMessage request(ResultSet rs) throws SQLException {
        List<Mailbox> attendees = new ArrayList<>();
        for (String line : rs.getString("recipients").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            attendees.add(new Mailbox(parts[0], parts.length > 1 && !parts[1].isBlank() ? Optional.of(parts[1]) : Optional.empty()));
        }
        Mailbox organizer = new Mailbox(rs.getString("organizer"), Optional.ofNullable(rs.getString("organizer_name")));
        if ("NOTICE".equals(rs.getString("kind"))) {
            return OrganizerNotice.of(rs.getString("uid"), organizer, rs.getString("subject"), rs.getString("text_body"));
        }
        return new ItipRequest(rs.getString("uid"), rs.getInt("sequence"), organizer, attendees, rs.getString("subject"),
                rs.getString("text_body"), Optional.ofNullable(rs.getString("html_body")), rs.getBytes("calendar"));
    }
}
