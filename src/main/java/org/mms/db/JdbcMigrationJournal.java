package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mms.admin.MeetingHistory;
import org.mms.admin.Views;
import org.mms.block.JoinDetails;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.migration.ComponentPlan;
import org.mms.migration.HtmlBlocks;
import org.mms.migration.MeetingPlan;
import org.mms.migration.MigrationJournal;
import org.mms.migration.MigrationType;
import org.mms.migration.Outcome;

/** The journal and the outbox in the database: tables {@code meeting_change}, {@code outbox_message} and {@code outbox_content}. */
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
    public void begin(Run run, List<Unwritten> unwritten, List<Planned> planned) {
        if (unwritten.isEmpty() && planned.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            ChangeRows changes = new ChangeRows(h, run);
            for (Unwritten u : unwritten) {
                changes.add(u.href(), u.meetings(), NONE, null, null);
            }
            for (Planned p : planned) {
                changes.add(p.href(), p.meetings(), WRITING, p.newResourceHash(), p.baseEtag().orElse(null));
            }
            changes.execute();
            MessageRows messages = new MessageRows(h);
            for (Planned p : planned) {
                for (ItipRequest update : p.updates()) {
                    messages.add(run.tenant(), run.user(), run.correlationId(), p.href(), update, "HELD", run.now());
                }
            }
            messages.insert();
            PreparedBatch previous = h.prepareBatch("""
                    INSERT INTO written_resource (tenant_id, user_id, correlation_id, href, previous_data, created_at)
                    VALUES (:t, :u, :c, :href, :data, :now)""");
            for (Planned p : planned) {
                if (p.previousBytes() != null) {
                    previous.bind("t", run.tenant().value()).bind("u", run.user().value()).bind("c", run.correlationId())
                            .bind("href", p.href()).bind("data", p.previousBytes()).bind("now", time(run.now())).add();
                }
            }
            if (previous.size() > 0) {
                previous.execute();
            }
        });
    }

    @Override
    public void settle(List<Intent> written, List<Intent> notWritten, Map<String, String> writtenEtags) {
        if (written.isEmpty() && notWritten.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            if (!written.isEmpty()) {
                var changes = h.prepareBatch("""
                        UPDATE meeting_change SET write_state = 'WRITTEN'
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND write_state = 'WRITING'""");
                var messages = h.prepareBatch("""
                        UPDATE outbox_message SET state = 'PENDING'
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND state = 'HELD'""");
                var etags = h.prepareBatch("""
                        UPDATE written_resource SET written_etag = :etag
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href""");
                for (Intent intent : written) {
                    changes.bindMap(key(intent)).add();
                    messages.bindMap(key(intent)).add();
                    String etag = writtenEtags.get(intent.href());
                    if (etag != null) {
                        etags.bindMap(key(intent)).bind("etag", etag).add();
                    }
                }
                changes.execute();
                messages.execute();
                if (etags.size() > 0) {
                    etags.execute();
                }
            }
            if (!notWritten.isEmpty()) {
                var changes = h.prepareBatch("""
                        UPDATE meeting_change SET write_state = 'ABANDONED'
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href
                          AND write_state IN ('WRITING', 'NONE')""");
                // Their content goes with them (ON DELETE CASCADE).
                var messages = h.prepareBatch("""
                        DELETE FROM outbox_message
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href AND state = 'HELD'""");
                var previous = h.prepareBatch("""
                        DELETE FROM written_resource WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href""");
                for (Intent intent : notWritten) {
                    changes.bindMap(key(intent)).add();
                    messages.bindMap(key(intent)).add();
                    previous.bindMap(key(intent)).add();
                }
                changes.execute();
                messages.execute();
                previous.execute();
            }
        });
    }

    @Override
    public List<Intent> openIntents(TenantId tenant, UserId user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT correlation_id, href, new_hash, base_etag FROM meeting_change
                        WHERE tenant_id = :t AND user_id = :u AND write_state = 'WRITING'""")
                .bind("t", tenant.value()).bind("u", user.value())
                .map((rs, ctx) -> new Intent(tenant, user, rs.getString("correlation_id"), rs.getString("href"), rs.getString("new_hash"),
                        Optional.ofNullable(rs.getString("base_etag"))))
                .list());
    }

    @Override
    public List<MeantBlock> meantBlocks(Intent intent) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT uid, recurrence_id, new_block FROM meeting_change
                        WHERE tenant_id = :t AND user_id = :u AND correlation_id = :c AND href = :href
                          AND write_state = 'WRITING' AND outcome = 'MIGRATED'
                        ORDER BY id""")
                .bindMap(key(intent))
                .map((rs, ctx) -> new MeantBlock(rs.getString("uid"), Optional.ofNullable(rs.getString("recurrence_id")),
                        rs.getString("new_block")))
                .list());
    }

    @Override
    public List<WrittenResource> writtenBy(TenantId tenant, UserId user, List<String> correlationIds) {
        if (correlationIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            // Oldest write first: the first bytes of a meeting are what it was before all of them, the last hash what stands.
            Map<String, byte[]> before = new LinkedHashMap<>();
            Map<String, Optional<String>> lastEtag = new HashMap<>();
            h.createQuery("""
                            SELECT href, previous_data, written_etag FROM written_resource
                            WHERE tenant_id = :t AND user_id = :u AND correlation_id IN (<c>) ORDER BY id""")
                    .bind("t", tenant.value()).bind("u", user.value()).bindList("c", correlationIds)
                    .map((rs, ctx) -> {
                        String href = rs.getString("href");
                        before.putIfAbsent(href, rs.getBytes("previous_data"));
                        lastEtag.put(href, Optional.ofNullable(rs.getString("written_etag")));
                        return href;
                    })
                    .list();
            Map<String, String> lastHash = new HashMap<>();
            Map<String, Map<String, WrittenComponent>> components = new HashMap<>();
            h.createQuery("""
                            SELECT href, uid, recurrence_id, subject, start_at, previous_block, new_block, previous_html_block,
                              new_html_block, new_hash FROM meeting_change
                            WHERE tenant_id = :t AND user_id = :u AND correlation_id IN (<c>) AND write_state = 'WRITTEN'
                              AND outcome = 'MIGRATED' ORDER BY id""")
                    .bind("t", tenant.value()).bind("u", user.value()).bindList("c", correlationIds)
                    .map((rs, ctx) -> {
                        String href = rs.getString("href");
                        lastHash.put(href, rs.getString("new_hash"));
                        WrittenComponent c = new WrittenComponent(rs.getString("uid"), Optional.ofNullable(rs.getString("recurrence_id")),
                                rs.getString("subject"),
                                Optional.ofNullable(rs.getObject("start_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                                rs.getString("previous_block"), rs.getString("new_block"), htmlBlocks(rs.getString("previous_html_block"),
                                rs.getString("new_html_block")));
                        // The first migration's block before, the last one's after.
                        components.computeIfAbsent(href, k -> new LinkedHashMap<>()).merge(c.uid() + "\n" + c.recurrenceId().orElse(""), c,
                                (first, later) -> new WrittenComponent(first.uid(), first.recurrenceId(), later.summary(), later.start(),
                                        first.previousBlock(), later.newBlock(), first.html().isPresent() && later.html().isPresent()
                                                ? Optional.of(new HtmlBlocks(first.html().get().before(), later.html().get().after()))
                                                : Optional.empty()));
                        return href;
                    })
                    .list();
            List<WrittenResource> written = new ArrayList<>();
            before.forEach((href, bytes) -> {
                if (lastHash.containsKey(href)) {
                    written.add(new WrittenResource(href, bytes, lastHash.get(href), lastEtag.get(href),
                            List.copyOf(components.get(href).values())));
                }
            });
            return written;
        });
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

    @Override
    public List<Views.MeetingReport> report(TenantId tenant, ReportFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT mc.*, mr.upn, mr.migration_type, om.id AS message_id, om.state AS message_state
                FROM meeting_change mc
                LEFT JOIN migration_request mr ON mr.tenant_id = mc.tenant_id AND mr.correlation_id = mc.correlation_id
                LEFT JOIN outbox_message om ON om.tenant_id = mc.tenant_id AND om.correlation_id = mc.correlation_id
                  AND om.href = mc.href AND om.uid = mc.uid AND mc.outcome = 'MIGRATED'
                WHERE mc.tenant_id = :t AND mc.write_state <> 'ABANDONED'""");
        filter.user().ifPresent(u -> sql.append(" AND mc.user_id = :u"));
        filter.correlationId().ifPresent(c -> sql.append(" AND mc.correlation_id = :c"));
        filter.from().ifPresent(f -> sql.append(" AND mc.created_at >= :from"));
        filter.before().ifPresent(b -> sql.append(" AND mc.created_at < :before"));
        filter.outcome().ifPresent(o -> sql.append(" AND mc.outcome = :outcome"));
        sql.append(" ORDER BY mc.id");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("t", tenant.value());
            filter.user().ifPresent(u -> query.bind("u", u.value()));
            filter.correlationId().ifPresent(c -> query.bind("c", c));
            filter.from().ifPresent(f -> query.bind("from", time(f)));
            filter.before().ifPresent(b -> query.bind("before", time(b)));
            filter.outcome().ifPresent(o -> query.bind("outcome", o));
            return query.map((rs, ctx) -> {
                JoinDetails before = JoinDetails.of(rs.getString("previous_block"));
                JoinDetails after = JoinDetails.of(rs.getString("new_block"));
                long messageId = rs.getLong("message_id");
                boolean message = !rs.wasNull();
                String type = rs.getString("migration_type");
                return new Views.MeetingReport(rs.getString("correlation_id"),
                        type == null ? "" : MigrationType.valueOf(type).displayName(), Optional.ofNullable(rs.getString("upn")).orElse(""),
                        rs.getString("uid"), rs.getString("recurrence_id"), rs.getString("subject"),
                        Optional.ofNullable(rs.getObject("start_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        OutcomeNames.display(rs.getString("outcome")),
                        Optional.ofNullable(rs.getString("reason")).map(OutcomeNames::display).orElse(""),
                        before.joinUrl().orElse(""), after.joinUrl().orElse(""), before.conferenceId().orElse(""),
                        after.conferenceId().orElse(""), message ? Long.toString(messageId) : "",
                        message ? OutcomeNames.display(rs.getString("message_state")) : "",
                        rs.getObject("created_at", OffsetDateTime.class).toInstant());
            }).list();
        });
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

    private static Optional<HtmlBlocks> htmlBlocks(String before, String after) {
        return before == null || after == null ? Optional.empty() : Optional.of(new HtmlBlocks(before, after));
    }

    private static Map<String, Object> key(Intent intent) {
        return Map.of("t", intent.tenant().value(), "u", intent.user().value(), "c", intent.correlationId(),
                "href", intent.href());
    }

    /** The decision rows of a chunk, inserted in one batch. */
    private static final class ChangeRows {
        private final PreparedBatch batch;
        private final Run run;

        ChangeRows(Handle h, Run run) {
            this.run = run;
            this.batch = h.prepareBatch("""
                    INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, recurrence_id, subject, start_at, outcome,
                      reason, detail, previous_block, new_block, previous_html_block, new_html_block, html_recorded, write_state,
                      new_hash, base_etag, created_at)
                    VALUES (:tenant, :user, :correlation, :href, :uid, :recurrence, :subject, :start, :outcome, :reason, :detail,
                      :previous, :next, :previousHtml, :nextHtml, TRUE, :state, :hash, :base, :now)""");
        }

        void add(String href, List<MeetingPlan> meetings, String writeState, String hash, String baseEtag) {
            for (MeetingPlan meeting : meetings) {
                for (ComponentPlan c : meeting.components()) {
                    String outcome;
                    String reason = null;
                    String detail = null;
                    String previous = null;
                    String next = null;
                    Optional<HtmlBlocks> html = Optional.empty();
                    switch (c.outcome()) {
                        case Outcome.Migrated m -> {
                            outcome = "MIGRATED";
                            detail = m.evidence().describe();
                            previous = m.oldBlock();
                            next = m.newBlock();
                            html = m.html();
                        }
                        case Outcome.Unchanged u -> {
                            outcome = "UNCHANGED";
                            detail = u.detail() + "; " + u.evidence().describe();
                        }
                        case Outcome.Skipped sk -> {
                            outcome = "SKIPPED";
                            reason = sk.reason().name();
                            detail = sk.detail();
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
                            .bind("next", next).bind("previousHtml", html.map(HtmlBlocks::before).orElse(null))
                            .bind("nextHtml", html.map(HtmlBlocks::after).orElse(null))
                            .bind("state", c.migrated() ? writeState : NONE).bind("hash", c.migrated() ? hash : null)
                            .bind("base", c.migrated() ? baseEtag : null)
                            .bind("now", time(run.now())).add();
                }
            }
        }

        void execute() {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
