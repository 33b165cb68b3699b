package org.mms.queue;

import java.util.List;
import java.util.Optional;
import org.mms.directory.TenantId;

/**
 * The admin side of the queue ({@code Get-CsMeetingMigrationStatus}): read-only, always within one
 * tenant, so no tenant sees another's requests.
 */
public interface MigrationStatusQueries {

    /** The tenant's requests that match the filter, oldest first. */
    List<MigrationRequest> list(TenantId tenant, StatusFilter filter);

    /**
     * {@code -SummaryOnly}: every state in {@link MigrationState#SUMMARY_ORDER}, zeros included, with the
     * number of distinct users that have a request in it among those matching the filter.
     */
    List<StateCount> summary(TenantId tenant, StatusFilter filter);

    /** One request of the tenant by its correlation id; empty when it is unknown or another tenant's. */
    Optional<MigrationRequest> byCorrelationId(TenantId tenant, CorrelationId correlationId);

    /**
     * {@code Get-CsMeetingMigrationTransactionHistory}: the tenant's state changes that match the filter, in the
     * order they happened; kept as long as their request.
     */
    List<Transition> history(TenantId tenant, HistoryFilter filter);
}
