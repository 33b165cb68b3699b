-- The calendar store's password is kept sealed (AES-256-GCM, the key outside the database in
-- DATA/secret.key or MMS_SECRET_KEY), so that a copy of the database alone reveals no password. The
-- clear column stays only until the first start seals what it holds and empties it (SealClearPasswords).
-- allow_insecure_http: the admin set the store up with -AllowInsecureHttp (plain http to another host).

ALTER TABLE tenant_calendar_store ADD COLUMN password_sealed VARCHAR(6000);
ALTER TABLE tenant_calendar_store ADD COLUMN allow_insecure_http BOOLEAN DEFAULT FALSE NOT NULL;
