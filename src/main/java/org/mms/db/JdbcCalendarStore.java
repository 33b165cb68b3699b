package org.mms.db;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;

/**
 * The embedded calendar store: resources as rows of {@code calendar_resource}, their bytes kept and
 * given back exactly. Concurrency is optimistic, as with a CalDAV server: a conditional write is one
 * {@code UPDATE … WHERE etag = ?}, and when no row matched, a second look tells a changed resource
 * from a missing one.
 */
public final class JdbcCalendarStore implements CalendarStore {

    /** The width of the {@code uid} column. */
    static final int MAX_UID_LENGTH = 1000;

    /** Each failed attempt means another write succeeded, so only a storm of writers gets this far. */
    private static final int UNCONDITIONAL_ATTEMPTS = 100;

    private static final String COLUMNS = "href, etag, data";

    private static final RowMapper<StoredResource> RESOURCE = (rs, ctx) ->
            new StoredResource(new ResourceRef(rs.getString("href")), rs.getString("etag"), rs.getBytes("data"));

    private final Jdbi jdbi;
    private final Clock clock;

    /** @param clock stamps {@code modified_at} */
    public JdbcCalendarStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref) {
        return jdbi.withHandle(h -> mailbox(h.createQuery("SELECT " + COLUMNS + " FROM calendar_resource"
                        + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href"), mailbox)
                .bind("href", ref.href())
                .map(RESOURCE)
                .findOne());
    }

    /**
     * Hands over the whole mailbox: the store keeps no index of times, and callers must filter with
     * their own rules anyway (some CalDAV servers mishandle time ranges). Batches follow the names
     * (keyset pagination), so a resource written meanwhile neither shifts a batch nor is seen twice.
     */
    @Override
    public void forEachCandidate(Mailbox mailbox, Instant from, Instant to, int batchSize, Consumer<StoredResource> action) {
        Objects.requireNonNull(action, "action");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: " + from + " is not before " + to);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one resource, not " + batchSize);
        }
        String after = ""; // every name sorts after the empty string
        while (true) {
            String afterName = after;
            List<StoredResource> batch = jdbi.withHandle(h -> mailbox(h.createQuery("SELECT " + COLUMNS
                            + " FROM calendar_resource WHERE tenant_id = :tenant AND user_id = :user AND href > :after"
                            + " ORDER BY href FETCH FIRST :limit ROWS ONLY"), mailbox)
                    .bind("after", afterName)
                    .bind("limit", batchSize)
                    .map(RESOURCE)
                    .list());
            // The connection is back in the pool before the caller sees a resource: the caller may
            // write to this store while it reads, and the pool must not run dry under it.
            batch.forEach(action);
            if (batch.size() < batchSize) {
                return;
            }
            after = batch.getLast().ref().href();
        }
    }

    @Override
    public WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch) {
        byte[] bytes = data.clone(); // what is checked is what is stored
        String uid = uidOf(bytes);
        if (ifMatch.isPresent()) {
            return replace(mailbox, ref, bytes, uid, ifMatch.get());
        }
        for (int attempt = 1; attempt <= UNCONDITIONAL_ATTEMPTS; attempt++) {
            Optional<String> current = currentEtag(mailbox, ref);
            WriteResult result = current.isPresent()
                    ? replace(mailbox, ref, bytes, uid, current.get())
                    : insert(mailbox, ref, bytes, uid);
            if (result instanceof WriteResult.Written) {
                return result;
            }
            // Another write came between reading the ETag and writing. An unconditional put replaces
            // whatever is there, so it tries again against what is there now.
        }
        throw new IllegalStateException("gave up writing " + ref + " in " + mailbox + ": it changed under each of "
                + UNCONDITIONAL_ATTEMPTS + " attempts");
    }

    /** The whole batch in one transaction: one commit instead of one per meeting. */
    @Override
    public List<WriteResult> putAll(Mailbox mailbox, List<Write> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE calendar_resource"
                    + " SET uid = :uid, data = :data, etag = :etag, version = :next, modified_at = :now"
                    + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href AND version = :version AND etag = :ifMatch");
            List<String> etags = new ArrayList<>(writes.size());
            for (Write w : writes) {
                byte[] bytes = w.data().clone();
                long version = ResourceEtag.versionOf(w.ifMatch()).orElse(-1);
                String etag = ResourceEtag.of(version + 1, bytes);
                etags.add(etag);
                mailbox(batch, mailbox).bind("href", w.ref().href()).bind("uid", uidOf(bytes)).bind("data", bytes)
                        .bind("etag", etag).bind("next", version + 1).bind("now", now).bind("version", version)
                        .bind("ifMatch", w.ifMatch()).add();
            }
            int[] rows = batch.execute();
            List<WriteResult> results = new ArrayList<>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                if (rows[i] == 1) {
                    results.add(new WriteResult.Written(etags.get(i)));
                    continue;
                }
                // No row matched: the resource has another ETag by now, or it is gone.
                Optional<String> current = mailbox(h.createQuery("SELECT etag FROM calendar_resource"
                        + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href"), mailbox)
                        .bind("href", writes.get(i).ref().href()).mapTo(String.class).findOne();
                results.add(current.<WriteResult>map(e -> new WriteResult.PreconditionFailed(Optional.of(e)))
                        .orElseGet(WriteResult.NotFound::new));
            }
            return results;
        });
    }

    @Override
    public WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data) {
        byte[] bytes = data.clone();
        return insert(mailbox, ref, bytes, uidOf(bytes));
    }

    @Override
    public long count(Mailbox mailbox) {
        return jdbi.withHandle(h -> mailbox(h.createQuery(
                        "SELECT COUNT(*) FROM calendar_resource WHERE tenant_id = :tenant AND user_id = :user"), mailbox)
                .mapTo(Long.class)
                .one());
    }

    private WriteResult insert(Mailbox mailbox, ResourceRef ref, byte[] data, String uid) {
        String etag = ResourceEtag.of(1, data);
        int rows = jdbi.withHandle(h -> mailbox(h.createUpdate("INSERT INTO calendar_resource"
                        + " (tenant_id, user_id, href, uid, data, etag, version, modified_at)"
                        + " VALUES (:tenant, :user, :href, :uid, :data, :etag, 1, :now) ON CONFLICT DO NOTHING"), mailbox)
                .bind("href", ref.href())
                .bind("uid", uid)
                .bind("data", data)
                .bind("etag", etag)
                .bind("now", clock.instant())
                .execute());
        if (rows == 1) {
            return new WriteResult.Written(etag);
        }
        return new WriteResult.PreconditionFailed(currentEtag(mailbox, ref));
    }

    private WriteResult replace(Mailbox mailbox, ResourceRef ref, byte[] data, String uid, String ifMatch) {
        OptionalLong version = ResourceEtag.versionOf(ifMatch);
        if (version.isPresent()) {
            long next = version.getAsLong() + 1;
            String etag = ResourceEtag.of(next, data);
            int rows = jdbi.withHandle(h -> mailbox(h.createUpdate("UPDATE calendar_resource"
                            + " SET uid = :uid, data = :data, etag = :etag, version = :next, modified_at = :now"
                            + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href"
                            + " AND version = :version AND etag = :ifMatch"), mailbox)
                    .bind("href", ref.href())
                    .bind("uid", uid)
                    .bind("data", data)
                    .bind("etag", etag)
                    .bind("next", next)
                    .bind("now", clock.instant())
                    .bind("version", version.getAsLong())
                    .bind("ifMatch", ifMatch)
                    .execute());
            if (rows == 1) {
                return new WriteResult.Written(etag);
            }
        }
        // No row matched: the resource has another ETag by now, or it is gone.
        return currentEtag(mailbox, ref)
                .<WriteResult>map(current -> new WriteResult.PreconditionFailed(Optional.of(current)))
                .orElseGet(WriteResult.NotFound::new);
    }

    private Optional<String> currentEtag(Mailbox mailbox, ResourceRef ref) {
        return jdbi.withHandle(h -> mailbox(h.createQuery("SELECT etag FROM calendar_resource"
                        + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href"), mailbox)
                .bind("href", ref.href())
                .mapTo(String.class)
                .findOne());
    }

    private static String uidOf(byte[] data) {
        String uid = CalendarObject.uidOf(data);
        if (uid.length() > MAX_UID_LENGTH) {
            throw new IllegalArgumentException("the embedded store keeps UIDs of up to " + MAX_UID_LENGTH
                    + " characters; this one has " + uid.length());
        }
        return uid;
    }

    private static <S extends SqlStatement<S>> S mailbox(S statement, Mailbox mailbox) {
        return statement.bind("tenant", mailbox.tenant().value()).bind("user", mailbox.user().value());
    }
}
