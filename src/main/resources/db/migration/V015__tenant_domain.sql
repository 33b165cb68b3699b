-- A domain belongs to one tenant: the owner of every domain a tenant lists, in lower case, with the
-- domain as primary key so that the database itself refuses a second owner (two admins saving at once
-- included). tenant.domains stays the tenant's list as it was given; this table decides who owns what.
--
-- Filled from the tenants there are, by splitting each one's comma-separated list (a recursive query
-- both H2 and PostgreSQL run). Should two tenants already list one domain, the one whose id sorts
-- first keeps it, and the other is asked to choose another when it is next saved.

CREATE TABLE tenant_domain (
    domain     VARCHAR(253) PRIMARY KEY,
    tenant_id  VARCHAR(64)  NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX tenant_domain_tenant ON tenant_domain (tenant_id);

INSERT INTO tenant_domain (domain, tenant_id)
WITH RECURSIVE listed (tenant_id, domain, rest) AS (
    SELECT id, CAST('' AS VARCHAR(2000)), CAST(domains || ',' AS VARCHAR(2001)) FROM tenant
    UNION ALL
    SELECT tenant_id,
           CAST(TRIM(SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1)) AS VARCHAR(2000)),
           CAST(SUBSTRING(rest FROM POSITION(',' IN rest) + 1) AS VARCHAR(2001))
    FROM listed WHERE rest <> ''
)
SELECT LOWER(domain), MIN(tenant_id) FROM listed WHERE domain <> '' AND LENGTH(domain) <= 253 GROUP BY LOWER(domain);
