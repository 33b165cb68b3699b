package org.mms.db;

import org.mms.directory.TenantId;

/** The tenant rows tests need: requests, tokens and decisions reference their tenant. */
final class QueueTenants {

    private QueueTenants() {
    }

    static void create(Database db, TenantId... tenants) {
        db.jdbi().useHandle(h -> {
            for (TenantId t : tenants) {
                h.createUpdate("INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,"
                                + " auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms,"
                                + " attendee_limit, retry_attempts, retry_window_ms, retention_ms, online_meeting_url,"
                                + " on_premises_meeting_url, teams_join_url_template) VALUES (:id, :id, :domain, TRUE, TRUE, FALSE,"
                                + " FALSE, FALSE, 600000, 250, 9, 86400000, 12960000000, 'https://meet.lync.com/x',"
                                + " 'https://meet.example.com', 'https://teams.example.com/{uidHash}')")
                        .bind("id", t.value())
                        .bind("domain", t.value() + ".com")
                        .execute();
            }
        });
    }
}
