-- The embedded calendar store: one row per calendar object resource (one UID: a meeting's master,
-- its overrides and the VTIMEZONEs they use), as a CalDAV server keeps one resource per UID.
-- Written in the SQL both H2 (PostgreSQL mode) and PostgreSQL understand; times are bound from Java.
--
-- BYTEA is the one binary type both accept: PostgreSQL's own, and H2 reads it as BINARY VARYING
-- (up to 1,000,000,000 bytes), which keeps the bytes exactly as they were written.
--
-- No foreign keys to tenant or app_user: a mailbox is the calendar server's, named by the directory's
-- ids, and a calendar may be imported before its organizer is in the directory.

CREATE TABLE calendar_resource (
    tenant_id    VARCHAR(64)              NOT NULL,
    user_id      VARCHAR(64)              NOT NULL,
    -- The resource's name in the mailbox (ResourceRef): for the embedded store a hash of the UID.
    href         VARCHAR(255)             NOT NULL,
    uid          VARCHAR(1000)            NOT NULL,
    data         BYTEA                    NOT NULL,
    -- Derived from version and content, and changed by every write; compared for If-Match.
    etag         VARCHAR(100)             NOT NULL,
    version      BIGINT                   NOT NULL,
    modified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, user_id, href)
);
CREATE INDEX calendar_resource_uid ON calendar_resource (tenant_id, user_id, uid);
