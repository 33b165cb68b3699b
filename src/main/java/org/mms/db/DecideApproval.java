package org.mms.db;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.queue.CorrelationId;
import org.mms.queue.MigrationRequest;

/**
 * An admin's verdict on a request awaiting approval, or a pending request put to wait for one. The row is locked while the verdict is applied, so a change
 * joining the request at the same moment waits and then sees it approved (and joins the pending request) or denied
 * (and starts a new one).
 */
final class DecideApproval {

    private final Jdbi jdbi;

    DecideApproval(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The request as it is after {@code verdict}; empty when the tenant has no request with that correlation id. */
    Optional<MigrationRequest> decide(TenantId tenant, CorrelationId correlationId, UnaryOperator<MigrationRequest> verdict) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT " + MigrationRequestRows.COLUMNS + " FROM migration_request"
                        + " WHERE tenant_id = :tenant AND correlation_id = :correlation FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("correlation", correlationId.toString())
                .map(MigrationRequestRows.MAPPER).findOne()
                .map(r -> MigrationRequestRows.save(h, verdict.apply(r))));
    }
}
