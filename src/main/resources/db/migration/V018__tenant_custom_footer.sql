-- A tenant's custom footer: the organization's own text at the end of every block MMS renders (Skype for
-- Business Server's custom footer). Both forms are kept, as the admin gave them or as MMS derived the one not
-- given; both are null when the tenant has none. 4,000 characters each, the limit Set-CsTenantMigrationConfiguration
-- enforces (CustomFooter.MAX_LENGTH).

ALTER TABLE tenant ADD COLUMN custom_footer_text VARCHAR(4000);
ALTER TABLE tenant ADD COLUMN custom_footer_html VARCHAR(4000);
