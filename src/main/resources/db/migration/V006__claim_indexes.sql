-- Claims read due rows in the order of (state, due time, id) and stop after a short window (see
-- LockDueRows). The outbox index gains the id so that order is the index's own on both databases.
DROP INDEX outbox_message_due;
CREATE INDEX outbox_message_due ON outbox_message (state, next_attempt_at, id);
