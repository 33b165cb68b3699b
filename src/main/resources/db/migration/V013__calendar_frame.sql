-- The frame of the calendar last imported into a mailbox (Import-CsCalendar), so that Export-CsCalendar
-- gives back one calendar as it was imported: the opening with the calendar's own properties (METHOD
-- included, which stored resources never carry), the closing line, and the meetings' UIDs in the order
-- they came (one per line). Kept whatever the calendar store is; no foreign keys, as for the embedded
-- store's resources.

CREATE TABLE calendar_frame (
    tenant_id    VARCHAR(64)              NOT NULL,
    user_id      VARCHAR(64)              NOT NULL,
    head         BYTEA                    NOT NULL,
    tail         BYTEA                    NOT NULL,
    uids         BYTEA                    NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
