package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mms.access.AuditEvent;
import org.mms.directory.TenantId;
import org.mms.testing.MutableClock;

/** The audit log is filtered as Get-CsAuditLog asks and kept as long as each tenant's retention. Each database gets a subclass. */
abstract class AuditLogContract {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    protected abstract Database db();

    protected abstract void createTenants(TenantId... tenants);

    private final TenantId brief = new TenantId("brief-" + UUID.randomUUID().toString().substring(0, 8));
    private final TenantId patient = new TenantId("patient-" + UUID.randomUUID().toString().substring(0, 8));

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
