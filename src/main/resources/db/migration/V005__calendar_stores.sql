-- Where each tenant's calendars live: the embedded store (the default, no row needed) or a CalDAV
-- server, and, per user, an explicit calendar collection URL when the tenant's path template does not
-- fit. The password is the service account's; MMS never shows it back (cmdlets and the API mask it).

CREATE TABLE tenant_calendar_store (
    tenant_id      VARCHAR(64)   PRIMARY KEY REFERENCES tenant (id),
    kind           VARCHAR(20)   NOT NULL,
    base_url       VARCHAR(1000),
    calendar_path  VARCHAR(1000),
    username       VARCHAR(320),
    password       VARCHAR(1000),
    scheduling     VARCHAR(20)   NOT NULL
);

CREATE TABLE user_calendar (
    tenant_id     VARCHAR(64)   NOT NULL,
    user_id       VARCHAR(64)   NOT NULL,
    calendar_url  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
