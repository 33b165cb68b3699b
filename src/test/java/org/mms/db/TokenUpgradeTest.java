package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mms.access.Authentication;
import org.mms.access.Role;
import org.mms.directory.TenantId;
import org.mms.testing.LocalPostgres;

/** Upgrading a database whose tokens were made before roles existed: each stays valid, as an Admin token of its tenant. */
class TokenUpgradeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String OLD_TOKEN = "mms_made-before-roles";

    @Test
    void tokens_made_before_roles_are_admin_tokens_after_the_upgrade_on_h2() {
        DatabaseConfig config = DatabaseConfig.inMemory("token-upgrade-" + UUID.randomUUID());
        try (Database db = upgradeWithOldToken(config)) {
            assertOldTokenIsAdmin(db);
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        }
    }

    @Test
    void tokens_made_before_roles_are_admin_tokens_after_the_upgrade_on_postgres() {
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(2); Database db = upgradeWithOldToken(schema.config())) {
            assertOldTokenIsAdmin(db);
        }
    }

    /** Migrates to version 7, stores a token the way version 7 did, then opens (and so upgrades) the database. */
    private static Database upgradeWithOldToken(DatabaseConfig config) {
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).locations("classpath:db/migration")
                .target("7").load().migrate();
        try (var connection = DriverManager.getConnection(config.url(), config.user(), config.password());
                var tenant = connection.prepareStatement("""
                        INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,
                          auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms,
                          attendee_limit, retry_attempts, retry_window_ms, retention_ms, online_meeting_url,
                          on_premises_meeting_url, teams_join_url_template) VALUES ('contoso', 'contoso', 'contoso.com', TRUE, TRUE, FALSE,
                          FALSE, FALSE, 600000, 250, 9, 86400000, 12960000000, 'https://meet.lync.com/x',
                          'https://meet.example.com', 'https://teams.example.com/{uidHash}')""");
                var token = connection.prepareStatement(
                        "INSERT INTO api_token (token_hash, tenant_id, name, created_at) VALUES (?, 'contoso', 'first tenant admin', ?)")) {
            tenant.executeUpdate();
            token.setString(1, JdbcApiTokens.hash(OLD_TOKEN));
            token.setObject(2, JdbcMigrationJournal.time(NOW));
            token.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(config);
    }

    private static void assertOldTokenIsAdmin(Database db) {
        Authentication a = new JdbcApiTokens(db).authenticate(OLD_TOKEN, NOW);
        assertThat(a).isInstanceOfSatisfying(Authentication.Granted.class, g -> {
            assertThat(g.caller().role()).isEqualTo(Role.ADMIN);
            assertThat(g.caller().tenant()).contains(new TenantId("contoso"));
            assertThat(g.caller().tokenName()).isEqualTo("first tenant admin");
        });
    }
}
