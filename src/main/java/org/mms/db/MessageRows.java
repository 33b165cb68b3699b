package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

/**
 * Update messages as rows of {@code outbox_message}, whose state changes, and {@code outbox_content}, written
 * once: added by the journal (held) and the outbox (pending). Collect the messages of a transaction, then
 * {@link #insert()} them.
 */
final class MessageRows {

    private final Handle h;
    private final PreparedBatch messages;
    private final List<ItipRequest> contents = new ArrayList<>();

    MessageRows(Handle h) {
        this.h = h;
        this.messages = h.prepareBatch("""
                INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, organizer_name,
                  state, attempts, next_attempt_at, created_at)
                VALUES (:tenant, :user, :correlation, :href, :uid, :sequence, :organizer, :organizerName, :state, 0, :now, :now)""");
    }

    /** One message, to be inserted by {@link #insert()}. */
    MessageRows add(TenantId tenant, UserId user, String correlationId, String href, ItipRequest message, String state,
            Instant now) {
        messages.bind("tenant", tenant.value()).bind("user", user.value()).bind("correlation", correlationId)
                .bind("href", href).bind("uid", message.uid()).bind("sequence", message.sequence())
                .bind("organizer", message.organizer().address()).bind("organizerName", message.organizer().displayName().orElse(null))
                .bind("state", state).bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).add();
        contents.add(message);
        return this;
    }

    /** Inserts the messages added, each with its content; nothing when none were. */
    void insert() {
        if (contents.isEmpty()) {
            return;
        }
        List<Long> ids = messages.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != contents.size()) {
            throw new IllegalStateException("inserted " + contents.size() + " messages but the database returned " + ids.size() + " ids");
        }
        PreparedBatch content = h.prepareBatch("""
                INSERT INTO outbox_content (message_id, recipients, subject, text_body, html_body, calendar)
                VALUES (:id, :recipients, :subject, :text, :html, :calendar)""");
        for (int i = 0; i < ids.size(); i++) {
            ItipRequest message = contents.get(i);
            content.bind("id", ids.get(i)).bind("recipients", encode(message.attendees())).bind("subject", message.subject())
                    .bind("text", message.textBody()).bind("html", message.htmlBody().orElse(null)).bind("calendar", message.calendar())
                    .add();
        }
        content.execute();
    }

    /** Recipients, one per line: address, a tab, display name. */
    static String encode(List<Mailbox> recipients) {
        return recipients.stream().map(m -> m.address() + "\t" + m.displayName().orElse("")).collect(Collectors.joining("\n"));
    }
}
