-- A tenant's calendars on Exchange Online (kind GRAPH): the Entra ID application MMS signs in as, and
-- where Graph and the sign-in authority are (empty: the public cloud's). The credential is a client
-- secret or a certificate with its private key (the file's bytes as base64, and a PFX's password);
-- each is kept sealed like the CalDAV password (AES-256-GCM, the key outside the database), sealed for
-- its tenant and column so that a value copied to another row does not open there.
--
-- VARCHAR without a length for the certificate: a PFX with its chain runs to several kilobytes, and
-- sealing and base64 make it longer still.

ALTER TABLE tenant_calendar_store ADD COLUMN directory_tenant_id VARCHAR(36);
ALTER TABLE tenant_calendar_store ADD COLUMN client_id VARCHAR(36);
ALTER TABLE tenant_calendar_store ADD COLUMN graph_url VARCHAR(1000);
ALTER TABLE tenant_calendar_store ADD COLUMN authority_url VARCHAR(1000);
ALTER TABLE tenant_calendar_store ADD COLUMN client_secret_sealed VARCHAR(6000);
ALTER TABLE tenant_calendar_store ADD COLUMN certificate_sealed VARCHAR;
ALTER TABLE tenant_calendar_store ADD COLUMN certificate_password_sealed VARCHAR(6000);
