package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mms.admin.AdminException;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.testing.LocalPostgres;

/** Upgrading a database whose tenants were made before a domain had one owner: each domain gets one, and keeps it. */
class TenantDomainUpgradeTest {

    @Test
    void every_listed_domain_is_owned_by_one_tenant_after_the_upgrade_on_h2() {
        DatabaseConfig config = DatabaseConfig.inMemory("domain-upgrade-" + UUID.randomUUID());
        try (Database db = upgradeWithTenants(config)) {
            assertOneOwnerPerDomain(db);
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        }
    }

    @Test
    void every_listed_domain_is_owned_by_one_tenant_after_the_upgrade_on_postgres() {
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(2); Database db = upgradeWithTenants(schema.config())) {
            assertOneOwnerPerDomain(db);
        }
    }

    /** Migrates to version 13, stores tenants the way version 13 did (two listing one domain), then upgrades. */
    private static Database upgradeWithTenants(DatabaseConfig config) {
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).locations("classpath:db/migration")
                .target("13").load().migrate();
        try (var connection = DriverManager.getConnection(config.url(), config.user(), config.password());
                var tenant = connection.prepareStatement("""
                        INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,
                          auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms,
                          attendee_limit, retry_attempts, retry_window_ms, retention_ms, online_meeting_url,
                          on_premises_meeting_url, teams_join_url_template) VALUES (?, ?, ?, TRUE, TRUE, FALSE,
                          FALSE, FALSE, 600000, 250, 9, 86400000, 12960000000, 'https://meet.lync.com/x',
                          'https://meet.example.com', 'https://teams.example.com/{uidHash}')""")) {
            for (String[] row : List.of(new String[] {"fabrikam", "Fabrikam", "fabrikam.com,Contoso.com, fabrikam.org"},
                    new String[] {"contoso", "Contoso", "contoso.com"}, new String[] {"empty", "Empty", ""})) {
                tenant.setString(1, row[0]);
                tenant.setString(2, row[1]);
                tenant.setString(3, row[2]);
                tenant.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(config);
    }

    private static void assertOneOwnerPerDomain(Database db) {
        Map<String, String> owners = db.jdbi().withHandle(h -> h.createQuery("SELECT domain, tenant_id FROM tenant_domain")
                .map((rs, ctx) -> Map.entry(rs.getString("domain"), rs.getString("tenant_id"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of("contoso.com", "contoso", "fabrikam.com", "fabrikam",
                "fabrikam.org", "fabrikam"));

        JdbcDirectory directory = new JdbcDirectory(db);
        Tenant fabrikam = directory.tenant(new TenantId("fabrikam")).orElseThrow();
        assertThatThrownBy(() -> directory.saveTenant(fabrikam)).as("the domain it lost is named when it is next saved")
                .isInstanceOf(AdminException.Conflict.class).hasMessageContaining("contoso.com");
        directory.saveTenant(new Tenant(fabrikam.id(), fabrikam.name(), List.of("fabrikam.com", "fabrikam.org"), fabrikam.settings()));
        Tenant contoso = directory.tenant(new TenantId("contoso")).orElseThrow();
        directory.saveTenant(contoso);
    }
}
