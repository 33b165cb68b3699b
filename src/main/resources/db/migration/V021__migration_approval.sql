-- Approval of migrations: a request can wait for an admin (AWAITING_APPROVAL, still the user's active request,
-- never claimed) and end denied (DENIED, final, nothing migrated). The tenant says when a migration waits: always
-- (require_approval), or when its preview would update more meetings than approval_threshold_meetings (null: never).

ALTER TABLE tenant ADD COLUMN require_approval BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tenant ADD COLUMN approval_threshold_meetings INT;
ALTER TABLE tenant ADD CONSTRAINT tenant_approval_threshold_not_negative CHECK (approval_threshold_meetings >= 0);

ALTER TABLE migration_request DROP CONSTRAINT migration_request_state_known;
ALTER TABLE migration_request DROP CONSTRAINT migration_request_active_user_matches_state;
ALTER TABLE migration_request ADD CONSTRAINT migration_request_state_known
    CHECK (state IN ('PENDING', 'AWAITING_APPROVAL', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'DENIED'));
ALTER TABLE migration_request ADD CONSTRAINT migration_request_active_user_matches_state CHECK (
    (state IN ('PENDING', 'AWAITING_APPROVAL', 'IN_PROGRESS') AND active_user = tenant_id || ':' || user_id AND finished_at IS NULL)
    OR (state IN ('SUCCEEDED', 'FAILED', 'DENIED') AND active_user IS NULL AND finished_at IS NOT NULL));
