package org.mms.directory;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where tenants, bridges and users are kept. Updates are optimistic: a user is saved against the
 * version it was read at, so two admins changing one user at once cannot silently lose a change.
 */
public interface Directory {

    Optional<Tenant> tenant(TenantId id);

    List<Tenant> tenants();

    /**
     * Saves the tenant, which then owns its domains (in any case). A domain belongs to one tenant: saving
     * one with a domain another tenant owns is refused (an {@code AdminException.Conflict} that names the
     * domain, not its owner), and nothing is saved.
     */
    void saveTenant(Tenant tenant);

    /** When the tenant's migrations wait for approval; {@link ApprovalSettings#NONE} for an unknown tenant. */
    ApprovalSettings approvalSettings(TenantId tenant);

    void saveApprovalSettings(TenantId tenant, ApprovalSettings approval);

    List<Bridge> bridges(TenantId tenant);

    Optional<Bridge> bridgeByName(TenantId tenant, String name);

    Optional<Bridge> bridge(String id);

    void saveBridge(Bridge bridge);

    /** Users of a tenant, in UPN order. */
    List<User> users(TenantId tenant);

    /** Users on one bridge. */
    List<User> usersOnBridge(String bridgeId);

    Optional<Versioned<User>> user(TenantId tenant, UserId id);

    /** The user an identity names: UPN, SIP address (with or without sip:), alias, or id. */
    Optional<Versioned<User>> findUser(TenantId tenant, String identity);

    /** Adds a new user. */
    void addUser(User user);

    /** Saves a user read at {@code version}; throws {@link ConcurrentUpdateException} if someone saved it since. */
    void updateUser(User user, long version);

    /** Where the tenant's calendars live (the embedded store unless set). */
    CalendarStoreSettings calendarStore(TenantId tenant);

    void saveCalendarStore(TenantId tenant, CalendarStoreSettings settings);

    /** A user's explicit calendar collection URL, when the tenant's path template does not fit them. */
    Optional<URI> calendarUrl(TenantId tenant, UserId user);

    void saveCalendarUrl(TenantId tenant, UserId user, Optional<URI> calendarUrl);

    /** A value with the version it was read at. */
    record Versioned<T>(T value, long version) {
    }

    /** Someone else changed the record since it was read; read again and retry. */
    final class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String message) {
            super(message);
        }
    }
}
