package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

/** Update messages as rows of {@code outbox_message}: written by the journal (held) and the outbox (pending). */
final class MessageRows {

    private MessageRows() {
    }

    static PreparedBatch batch(Handle h) {
        return h.prepareBatch("""
                INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, organizer_name,
                  recipients, subject, text_body, html_body, calendar, state, attempts, next_attempt_at, created_at)
                VALUES (:tenant, :user, :correlation, :href, :uid, :sequence, :organizer, :organizerName, :recipients,
                  :subject, :text, :html, :calendar, :state, 0, :now, :now)""");
    }

    /** Binds one message to the batch; the caller adds it. */
    static PreparedBatch bind(PreparedBatch batch, TenantId tenant, UserId user, String correlationId, String href, ItipRequest message,
            String state, Instant now) {
        batch.bind("tenant", tenant.value()).bind("user", user.value()).bind("correlation", correlationId)
                .bind("href", href).bind("uid", message.uid()).bind("sequence", message.sequence())
                .bind("organizer", message.organizer().address()).bind("organizerName", message.organizer().displayName().orElse(null))
                .bind("recipients", encode(message.attendees())).bind("subject", message.subject()).bind("text", message.textBody())
                .bind("html", message.htmlBody().orElse(null)).bind("calendar", message.calendar()).bind("state", state)
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return batch;
    }

    /** Recipients, one per line: address, a tab, display name. */
    static String encode(List<Mailbox> recipients) {
        return recipients.stream().map(m -> m.address() + "\t" + m.displayName().orElse("")).collect(Collectors.joining("\n"));
    }
}
