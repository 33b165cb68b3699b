package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mms.admin.MeetingHistory;
import org.mms.admin.Views;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;
import org.mms.migration.ComponentPlan;
import org.mms.migration.MeetingPlan;
import org.mms.migration.MigrationJournal;
import org.mms.migration.Outcome;

/** The journal and the outbox in the database: tables {@code meeting_change} and {@code outbox_message}. */
public final class JdbcMigrationJournal implements MigrationJournal, MeetingHistory {

    static final String NONE = "NONE";
    static final String WRITING = "WRITING";
    static final String WRITTEN = "WRITTEN";
    static final String ABANDONED = "ABANDONED";

    private final Jdbi jdbi;

    public JdbcMigrationJournal(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public void record(Run run, String href, List<MeetingPlan> meetings) {
        jdbi.useTransaction(h -> insertChanges(h, run, href, meetings, NONE, null));
    }

    @Override
    public void intend(Run run, String href, List<MeetingPlan> meetings, String newResourceHash, List<ItipRequest> updates) {
        jdbi.useTransaction(h -> {
            insertChanges(h, run, href, meetings, WRITING, newResourceHash);
            for (ItipRequest update : updates) {
                insertMessage(h, run.tenant(), run.user(), run.correlationId(), href, update, "HELD", run.now());
            }
        });
    }

    static void insertMessage(Handle h, TenantId tenant, UserId user, String correlationId, String href, ItipRequest message,
            String state, Instant now) {
        h.createUpdate("""
                INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, organizer_name,
                  recipients, subject, text_body, html_body, calendar, state, attempts, next_attempt_at, created_at)
                VALUES (:tenant, :user, :correlation, :href, :uid, :sequence, :organizer, :organizerName, :recipients,
                  :subject, :text, :html, :calendar, :state, 0, :now, :now)""")
                .bind("tenant", tenant.value()).bind("user", user.value()).bind("correlation", correlationId)
                .bind("href", href).bind("uid", message.uid()).bind("sequence", message.sequence())
                .bind("organizer", message.organizer().address()).bind("organizerName", message.organizer().displayName().orElse(null))
                .bind("recipients", encode(message.attendees())).bind("subject", message.subject()).bind("text", message.textBody())
                .bind("html", message.htmlBody().orElse(null)).bind("calendar", message.calendar()).bind("state", state)
                .bind("now", time(now)).execute();
    }

    @Override
    public void complete(Intent intent) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    UPDATE meeting_change SET write_state = 'WRITTEN'
                    WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND write_state = 'WRITING'""")
                    .bindMap(key(intent)).execute();
            h.createUpdate("""
                    UPDATE outbox_message SET state = 'PENDING'
                    WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND state = 'HELD'""")
                    .bindMap(key(intent)).execute();
        });
    }

    @Override
    public void abandon(Intent intent) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    UPDATE meeting_change SET write_state = 'ABANDONED'
                    WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href
                      AND write_state IN ('WRITING', 'NONE')""")
                    .bindMap(key(intent)).execute();
            h.createUpdate("""
                    DELETE FROM outbox_message
                    WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND state = 'HELD'""")
                    .bindMap(key(intent)).execute();
        });
    }

    @Override
    public List<Intent> openIntents(TenantId tenant, UserId user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT correlation_id, href, new_hash FROM meeting_change
                        WHERE tenant_id = :t AND user_id = :u AND write_state = 'WRITING'""")
                .bind("t", tenant.value()).bind("u", user.value())
                .map((rs, ctx) -> new Intent(tenant, user, rs.getString("correlation_id"), rs.getString("href"), rs.getString("new_hash")))
                .list());
    }

    @Override
    public List<Views.MeetingResult> meetings(TenantId tenant, String correlationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM meeting_change WHERE tenant_id = :t AND correlation_id = :c AND write_state <> 'ABANDONED'
                        ORDER BY id""")
                .bind("t", tenant.value()).bind("c", correlationId)
                .map((rs, ctx) -> new Views.MeetingResult(rs.getString("correlation_id"), rs.getString("uid"),
                        rs.getString("recurrence_id"), rs.getString("subject"),
                        Optional.ofNullable(rs.getObject("start_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("outcome"), rs.getString("reason"), rs.getString("detail"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    /** The old and new block of a migrated meeting of one migration, for the demo and the detail view. */
    public Optional<String[]> blocks(TenantId tenant, String correlationId, String uid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT previous_block, new_block FROM meeting_change
                        WHERE tenant_id = :t AND correlation_id = :c AND uid = :uid AND outcome = 'MIGRATED' AND write_state = 'WRITTEN'
                        ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .bind("t", tenant.value()).bind("c", correlationId).bind("uid", uid)
                .map((rs, ctx) -> new String[] {rs.getString("previous_block"), rs.getString("new_block")}).findOne());
    }

    private static Map<String, Object> key(Intent intent) {
        return Map.of("t", intent.tenant().value(), "u", intent.user().value(), "c", intent.correlationId(),
                "href", intent.href());
    }

    private static void insertChanges(Handle h, Run run, String href, List<MeetingPlan> meetings, String writeState, String hash) {
        var batch = h.prepareBatch("""
                INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, recurrence_id, subject, start_at, outcome,
                  reason, detail, previous_block, new_block, write_state, new_hash, created_at)
                VALUES (:tenant, :user, :correlation, :href, :uid, :recurrence, :subject, :start, :outcome, :reason, :detail,
                  :previous, :next, :state, :hash, :now)""");
        for (MeetingPlan meeting : meetings) {
            for (ComponentPlan c : meeting.components()) {
                String outcome;
                String reason = null;
                String detail = null;
                String previous = null;
                String next = null;
                switch (c.outcome()) {
                    case Outcome.Migrated m -> {
                        outcome = "MIGRATED";
                        previous = m.oldBlock();
                        next = m.newBlock();
                    }
                    case Outcome.Unchanged u -> {
                        outcome = "UNCHANGED";
                        detail = u.detail();
                    }
                    case Outcome.Skipped s -> {
                        outcome = "SKIPPED";
                        reason = s.reason().name();
                        detail = s.detail();
                    }
                    case Outcome.Failed f -> {
                        outcome = "FAILED";
                        reason = f.reason().name();
                        detail = f.detail();
                    }
                }
                batch.bind("tenant", run.tenant().value()).bind("user", run.user().value()).bind("correlation", run.correlationId())
                        .bind("href", href).bind("uid", c.uid()).bind("recurrence", c.recurrenceId().orElse(null))
                        .bind("subject", c.summary()).bind("start", c.start().map(JdbcMigrationJournal::time).orElse(null))
                        .bind("outcome", outcome).bind("reason", reason).bind("detail", detail).bind("previous", previous)
                        .bind("next", next).bind("state", c.migrated() ? writeState : NONE).bind("hash", c.migrated() ? hash : null)
                        .bind("now", time(run.now())).add();
            }
        }
        batch.execute();
    }

    /** Recipients, one per line: address, a tab, display name. */
    static String encode(List<Mailbox> recipients) {
        return recipients.stream().map(m -> m.address() + "\t" + m.displayName().orElse("")).collect(Collectors.joining("\n"));
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
