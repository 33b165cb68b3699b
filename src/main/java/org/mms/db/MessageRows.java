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
import org.mms.itip.OrganizerNotice;
import org.mms.itip.OutgoingMessage;

/**
 * Update messages as rows of {@code outbox_message}, whose state changes, and {@code outbox_content}, written
 * once: added by the journal (held) and the outbox (pending). Collect the messages of a transaction, then
 * {@link #insert()} them. A notice to an organizer is a row of kind {@code NOTICE}, with no calendar (an empty one:
 * the column predates notices) and no meeting ({@code href} empty).
 */
final class MessageRows {

    private final Handle h;
    private final PreparedBatch messages;
    private final List<OutgoingMessage> contents = new ArrayList<>();

    MessageRows(Handle h) {
        this.h = h;
        this.messages = h.prepareBatch("""
                INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, organizer_name,
                  state, attempts, next_attempt_at, created_at, kind)
                VALUES (:tenant, :user, :correlation, :href, :uid, :sequence, :organizer, :organizerName, :state, 0, :now, :now,
                  :kind)""");
    }

    /** One message, to be inserted by {@link #insert()}. */
    MessageRows add(TenantId tenant, UserId user, String correlationId, String href, OutgoingMessage message, String state,
            Instant now) {
        messages.bind("tenant", tenant.value()).bind("user", user.value()).bind("correlation", correlationId)
                .bind("href", href).bind("uid", message.uid()).bind("sequence", message.sequence())
                .bind("organizer", message.organizer().address()).bind("organizerName", message.organizer().displayName().orElse(null))
                .bind("state", state).bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).bind("kind", kind(message)).add();
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
            OutgoingMessage message = contents.get(i);
            content.bind("id", ids.get(i)).bind("recipients", encode(message.recipients())).bind("subject", message.subject())
                    .bind("text", message.textBody());
            switch (message) {
                case ItipRequest update -> content.bind("html", update.htmlBody().orElse(null)).bind("calendar", update.calendar());
                case OrganizerNotice notice -> content.bindByType("html", null, String.class).bind("calendar", new byte[0]);
            }
            content.add();
        }
        content.execute();
    }

    /** The {@code kind} column: {@code UPDATE} for attendees, {@code NOTICE} for the organizer. */
    static String kind(OutgoingMessage message) {
        return switch (message) {
            case ItipRequest update -> "UPDATE";
            case OrganizerNotice notice -> "NOTICE";
        };
    }

    /** Recipients, one per line: address, a tab, display name. */
    static String encode(List<Mailbox> recipients) {
        return recipients.stream().map(m -> m.address() + "\t" + m.displayName().orElse("")).collect(Collectors.joining("\n"));
    }
}
