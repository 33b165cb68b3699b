-- An update message's content is written once; its state changes four times (held, pending, sending,
-- sent). H2 writes a changed row whole, so while the recipients, subject, bodies and calendar (about
-- 15 KB) lived in outbox_message, every state change wrote them again. They move to a table of their
-- own, written once with the message and deleted with it.

CREATE TABLE outbox_content (
    message_id  BIGINT NOT NULL PRIMARY KEY REFERENCES outbox_message (id) ON DELETE CASCADE,
    recipients  TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    text_body   TEXT   NOT NULL,
    html_body   TEXT,
    calendar    BYTEA  NOT NULL
);
INSERT INTO outbox_content (message_id, recipients, subject, text_body, html_body, calendar)
    SELECT id, recipients, subject, text_body, html_body, calendar FROM outbox_message;
ALTER TABLE outbox_message DROP COLUMN recipients;
ALTER TABLE outbox_message DROP COLUMN subject;
ALTER TABLE outbox_message DROP COLUMN text_body;
ALTER TABLE outbox_message DROP COLUMN html_body;
ALTER TABLE outbox_message DROP COLUMN calendar;

-- Settling a meeting's write finds its journal rows by migration and resource. The indexes by
-- migration alone, or by organizer and write state, left every row of the chunk to be read for each
-- resource settled.
CREATE INDEX meeting_change_resource ON meeting_change (correlation_id, href);
