package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.mms.directory.OutgoingPacing;
import org.mms.itip.SendAllowance;

/**
 * What each paced tenant may send now, counted from the outbox itself: the messages recorded as sent in the
 * last hour and those claimed but not yet recorded. Counting from the database, not in a sender's memory, makes
 * the limit hold for several senders (processes) at once; a claim locks the rate-limited tenants' rows first,
 * so that two senders never count the same free slots.
 */
final class OutboxPacing {

    private OutboxPacing() {
    }

    /** The tenants with a rate limit or quiet hours, by id, and what each may send at {@code now}; others are not paced. */
    static Map<String, SendAllowance> allowances(Handle h, Instant now, boolean forClaim) {
        Map<String, OutgoingPacing> paced = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT * FROM tenant WHERE max_updates_per_hour IS NOT NULL OR quiet_hours_start IS NOT NULL ORDER BY id""")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), TenantPacingColumns.read(rs)))
                .forEach(e -> paced.put(e.getKey(), e.getValue()));
        List<String> limited = paced.entrySet().stream().filter(e -> e.getValue().maxUpdatesPerHour().isPresent()).map(Map.Entry::getKey).toList();
        if (forClaim && !limited.isEmpty()) {
            // Held until the claim commits: another sender counts this one's claims, not the same free slots.
            h.createQuery("SELECT id FROM tenant WHERE id IN (<ids>) ORDER BY id FOR UPDATE").bindList("ids", limited).mapTo(String.class).list();
        }
        Map<String, SendAllowance> allowances = new LinkedHashMap<>();
        paced.forEach((tenant, pacing) -> allowances.put(tenant, allowance(h, tenant, pacing, now)));
        return allowances;
    }

    private static SendAllowance allowance(Handle h, String tenant, OutgoingPacing pacing, Instant now) {
        if (pacing.maxUpdatesPerHour().isEmpty()) {
            return SendAllowance.of(pacing, now, List.of(), 0);
        }
        // One statement, so one snapshot: counted apart, a message recorded as sent between the two counts would be
        // in neither. Messages being sent (no sent_at) come first; the limit's worth of rows is all it takes.
        List<Instant> sent = new ArrayList<>();
        long[] inFlight = {0};
        h.createQuery("""
                        SELECT sent_at FROM outbox_message
                        WHERE tenant_id = :t AND (state IN ('SENDING', 'STAGED') OR (state = 'SENT' AND sent_at > :since))
                        ORDER BY sent_at NULLS FIRST FETCH FIRST :max ROWS ONLY""")
                .bind("t", tenant).bind("since", JdbcMigrationJournal.time(now.minus(SendAllowance.WINDOW)))
                .bind("max", pacing.maxUpdatesPerHour().getAsInt())
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .forEach(at -> at.ifPresentOrElse(sent::add, () -> inFlight[0]++));
        return SendAllowance.of(pacing, now, sent, inFlight[0]);
    }
}
