-- Notice to the organizer before a migration's updates go out: when a request becomes due and the tenant's
-- notify_organizer_before_minutes is more than 0, the organizer is sent one message listing the meetings that will be
-- updated, and the request waits that many minutes more (notice_sent_at says it was told; no second notice).
-- An outbox message is an attendee UPDATE (an iTIP REQUEST) or such a NOTICE (plain text to the organizer); only
-- updates count as updates waiting.

ALTER TABLE tenant ADD COLUMN notify_organizer_before_minutes INT DEFAULT 0 NOT NULL;
ALTER TABLE tenant ADD CONSTRAINT tenant_notify_organizer_before_minutes_range
    CHECK (notify_organizer_before_minutes BETWEEN 0 AND 10080);

ALTER TABLE migration_request ADD COLUMN notice_sent_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE outbox_message ADD COLUMN kind VARCHAR(10) DEFAULT 'UPDATE' NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_known CHECK (kind IN ('UPDATE', 'NOTICE'));
