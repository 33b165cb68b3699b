-- Indexes that keep lookups and claims from reading whole tables as organizations grow.

-- A user is found by UPN, SIP address or id, in any letter case. LOWER(column) = :identity cannot use
-- an index on H2 (it has no expression indexes), so every lookup read every user of the tenant: an
-- import of 10,000 calendars did 10,000 such scans. The lower-case keys are kept by the repository.
ALTER TABLE app_user ADD COLUMN upn_key VARCHAR(320);
ALTER TABLE app_user ADD COLUMN sip_key VARCHAR(320);
ALTER TABLE app_user ADD COLUMN id_key VARCHAR(64);
UPDATE app_user SET upn_key = LOWER(upn), sip_key = LOWER(sip_address), id_key = LOWER(id);
ALTER TABLE app_user ALTER COLUMN upn_key SET NOT NULL;
ALTER TABLE app_user ALTER COLUMN sip_key SET NOT NULL;
ALTER TABLE app_user ALTER COLUMN id_key SET NOT NULL;
CREATE INDEX app_user_upn_key ON app_user (tenant_id, upn_key);
CREATE INDEX app_user_sip_key ON app_user (tenant_id, sip_key);
CREATE INDEX app_user_id_key ON app_user (tenant_id, id_key);

-- Claims read due rows in the order of (state, due time, id) and stop after a short window (see
-- LockDueRows). The outbox index gains the id so that order is the index's own on both databases.
DROP INDEX outbox_message_due;
CREATE INDEX outbox_message_due ON outbox_message (state, next_attempt_at, id);
