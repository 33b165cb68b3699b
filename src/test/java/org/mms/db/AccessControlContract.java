package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mms.access.AuditEvent;
import org.mms.access.Role;
import org.mms.admin.AdminException;
import org.mms.directory.Bridge;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.testing.MutableClock;

/**
 * Tenants and the audit log on every database: removing a tenant empties every table that carries its
 * id, whichever tables exist, and leaves every other tenant's rows as they were; the audit log is
 * filtered as Get-CsAuditLog asks and kept for each tenant's retention. Each database gets a subclass.
 */
abstract class AccessControlContract {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final TenantId brief = new TenantId("brief-" + UUID.randomUUID().toString().substring(0, 8));
    private final TenantId patient = new TenantId("patient-" + UUID.randomUUID().toString().substring(0, 8));

    protected abstract Database db();

    protected abstract void createTenants(TenantId... tenants);

    @Test
    void removing_a_tenant_removes_its_data_and_no_other_tenants() {
        TenantId doomed = new TenantId("doomed-" + UUID.randomUUID().toString().substring(0, 8));
        TenantId kept = new TenantId("kept-" + UUID.randomUUID().toString().substring(0, 8));
        createTenants(doomed, kept);
        JdbcAccessControl access = new JdbcAccessControl(db(), MutableClock.at("2026-11-23T09:00:00Z"));
        JdbcDirectory directory = new JdbcDirectory(db());
        for (TenantId t : List.of(doomed, kept)) {
            access.issueAdminToken(t, "admin");
            access.issue(t, "reader", Role.READER, Optional.empty());
            access.record(new AuditEvent(Instant.parse("2026-11-23T09:00:00Z"), Optional.of(t), Optional.of("admin"), "POST /api/v1/x", "",
                    200, "127.0.0.1"));
            directory.saveBridge(new Bridge("bridge-" + t.value(), t, "Bridge", List.of(), Optional.empty()));
            directory.saveCalendarUrl(t, new UserId("u-" + t.value()), Optional.of(URI.create("https://dav.example.com/" + t.value() + "/")));
        }
        Map<String, Long> keptBefore = rowsPerTable(kept);
        assertThat(rowsPerTable(doomed).values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(6);

        access.removeTenant(doomed);

        assertThat(rowsPerTable(doomed).values()).allMatch(n -> n == 0);
        assertThat(rowsPerTable(kept)).isEqualTo(keptBefore);
        assertThat(access.tenants()).extracting(org.mms.access.AccessControl.TenantEntry::id).doesNotContain(doomed.value()).contains(kept.value());
        assertThatThrownBy(() -> access.removeTenant(doomed)).isInstanceOf(AdminException.NotFound.class);
    }

    /** Rows carrying the tenant's id in every table that has a tenant_id column, and the tenant's own row. */
    private Map<String, Long> rowsPerTable(TenantId tenant) {
        return db().jdbi().withHandle(h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : RemoveTenant.tablesWithTenantColumn(h)) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t").bind("t", tenant.value())
                        .mapTo(Long.class).one());
            }
            counts.put("tenant", h.createQuery("SELECT COUNT(*) FROM tenant WHERE id = :t").bind("t", tenant.value()).mapTo(Long.class).one());
            return counts;
        });
    }

    @Test
    void events_are_kept_for_the_tenants_retention_and_then_purged() {
        createTenants(brief, patient);
        db().jdbi().useHandle(h -> h.createUpdate("UPDATE tenant SET retention_ms = :ms WHERE id = :t")
                .bind("ms", Duration.ofDays(10).toMillis()).bind("t", brief.value()).execute());
        MutableClock clock = MutableClock.at(T0);
        JdbcAccessControl access = new JdbcAccessControl(db(), clock);
        for (TenantId t : List.of(brief, patient)) {
            access.record(event(t, T0, "admin", 200));
            access.record(event(t, T0.plus(Duration.ofDays(8)), "admin", 201));
        }

        clock.set(T0.plus(Duration.ofDays(12)));
        access.purgeAuditLog();

        assertThat(access.auditLog(Optional.of(brief), AuditEvent.Filter.ANY)).extracting(AuditEvent::result).containsExactly(201);
        assertThat(access.auditLog(Optional.of(patient), AuditEvent.Filter.ANY)).extracting(AuditEvent::result).containsExactly(201, 200);
    }

    @Test
    void the_filters_narrow_by_time_token_and_result_and_never_cross_tenants() {
        createTenants(brief, patient);
        JdbcAccessControl access = new JdbcAccessControl(db(), MutableClock.at(T0));
        access.record(event(brief, T0, "Admin A", 200));
        access.record(event(brief, T0.plus(Duration.ofHours(1)), "Reporting", 401));
        access.record(event(brief, T0.plus(Duration.ofHours(2)), "admin a", 409));
        access.record(event(patient, T0.plus(Duration.ofHours(1)), "Admin A", 200));

        assertThat(access.auditLog(Optional.of(brief), new AuditEvent.Filter(Optional.of(T0.plus(Duration.ofMinutes(30))),
                Optional.of(T0.plus(Duration.ofMinutes(90))), Optional.empty(), Optional.empty())))
                .extracting(AuditEvent::result).containsExactly(401);
        assertThat(access.auditLog(Optional.of(brief), new AuditEvent.Filter(Optional.empty(), Optional.empty(), Optional.of("ADMIN A"),
                Optional.empty()))).extracting(AuditEvent::result).containsExactly(409, 200);
        assertThat(access.auditLog(Optional.of(brief), new AuditEvent.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(401)))).extracting(e -> e.tokenName().orElseThrow()).containsExactly("Reporting");
        assertThat(access.auditLog(Optional.of(patient), AuditEvent.Filter.ANY)).hasSize(1);
    }

    private static AuditEvent event(TenantId tenant, Instant at, String token, int result) {
        return new AuditEvent(at, Optional.of(tenant), Optional.of(token), "POST /api/v1/x", "", result, "127.0.0.1");
    }
}
