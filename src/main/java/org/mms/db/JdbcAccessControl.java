package org.mms.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mms.access.AccessControl;
import org.mms.access.ApiToken;
import org.mms.access.AuditEvent;
import org.mms.access.Authentication;
import org.mms.access.Role;
import org.mms.admin.AdminException;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;

/** Tokens, tenants and the audit log on the database, with the checks on what an admin or the service operator asks for. */
public final class JdbcAccessControl implements AccessControl {

    /** Longest lifetime {@code -ExpiresInDays} takes: ten years. */
    public static final long MAX_LIFETIME_DAYS = 3650;

    private final Database db;
    private final JdbcApiTokens tokens;
    private final JdbcAuditLog audit;
    private final JdbcDirectory directory;
    private final Clock clock;

    public JdbcAccessControl(Database db, Clock clock) {
        this.db = db;
        this.tokens = new JdbcApiTokens(db);
        this.audit = new JdbcAuditLog(db);
        this.directory = new JdbcDirectory(db);
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(String bearerToken) {
        return tokens.authenticate(bearerToken, clock.instant());
    }

    @Override
    public List<ApiToken> tokens(TenantId tenant) {
        return tokens.list(tenant);
    }

    @Override
    public ApiToken.Issued issue(TenantId tenant, String name, Role role, Optional<Duration> lifetime) {
        String n = tokenName(name);
        if (role.serviceWide()) {
            throw new AdminException.BadRequest("a tenant's token is Admin, Operator or Reader");
        }
        lifetime.ifPresent(l -> {
            if (l.toDays() < 1 || l.toDays() > MAX_LIFETIME_DAYS) {
                throw new AdminException.BadRequest("ExpiresInDays must be between 1 and " + MAX_LIFETIME_DAYS);
            }
        });
        if (tokens.list(tenant).stream().anyMatch(t -> t.name().equalsIgnoreCase(n) && t.revokedAt().isEmpty())) {
            throw new AdminException.Conflict("the tenant already has a token named '" + n + "'; revoke it first or choose another name");
        }
        Instant now = clock.instant();
        return tokens.issue(Optional.of(tenant), n, role, lifetime.map(now::plus), now);
    }

    @Override
    public ApiToken revoke(TenantId tenant, String name) {
        String n = tokenName(name);
        List<ApiToken> named = tokens.list(tenant).stream().filter(t -> t.name().equalsIgnoreCase(n)).toList();
        if (named.isEmpty()) {
            throw new AdminException.NotFound("the tenant has no token named '" + n + "'");
        }
        Instant now = clock.instant();
        named.stream().filter(t -> t.revokedAt().isEmpty()).forEach(t -> tokens.revoke(tenant, t.name(), now));
        return tokens.list(tenant).stream().filter(t -> t.name().equalsIgnoreCase(n)).reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public List<TenantEntry> tenants() {
        return directory.tenants().stream().map(t -> new TenantEntry(t.id().value(), t.name(), t.domains())).toList();
    }

    @Override
    public NewTenant createTenant(String id, String name, List<String> domains) {
        String tenantId = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (!tenantId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new AdminException.BadRequest("a tenant's Identity is 1 to 63 letters a-z, digits and hyphens, starting with a letter or digit");
        }
        String display = name == null || name.isBlank() ? tenantId : name.strip();
        if (display.length() > 200 || display.chars().anyMatch(Character::isISOControl)) {
            throw new AdminException.BadRequest("a tenant's Name is at most 200 characters, without control characters");
        }
        if (domains == null || domains.isEmpty()) {
            throw new AdminException.BadRequest("a tenant needs at least one Domain, such as contoso.com");
        }
        List<String> ds = domains.stream().map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String d : ds) {
            if (!d.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
                throw new AdminException.BadRequest("'" + d + "' is not a domain name such as contoso.com");
            }
        }
        if (String.join(",", ds).length() > 2000) {
            throw new AdminException.BadRequest("the domains are too long together (at most 2,000 characters)");
        }
        List<Tenant> existing = directory.tenants();
        if (existing.stream().anyMatch(t -> t.id().value().equals(tenantId))) {
            throw new AdminException.Conflict("a tenant '" + tenantId + "' exists already");
        }
        for (Tenant t : existing) {
            for (String d : ds) {
                if (t.domains().stream().anyMatch(d::equalsIgnoreCase)) {
                    throw new AdminException.Conflict("the domain " + d + " belongs to another tenant");
                }
            }
        }
        TenantId created = new TenantId(tenantId);
        directory.saveTenant(new Tenant(created, display, ds, TenantSettings.defaults(display, ds.getFirst())));
        ApiToken.Issued admin = tokens.issue(Optional.of(created), "first admin", Role.ADMIN, Optional.empty(), clock.instant());
        return new NewTenant(new TenantEntry(tenantId, display, ds), admin);
    }

    @Override
    public void removeTenant(TenantId tenant) {
        if (!RemoveTenant.run(db, tenant)) {
            throw new AdminException.NotFound("there is no tenant '" + tenant.value() + "'");
        }
    }

    @Override
    public void record(AuditEvent event) {
        audit.record(event);
    }

    @Override
    public List<AuditEvent> auditLog(Optional<TenantId> tenant, AuditEvent.Filter filter) {
        return audit.list(tenant, filter);
    }

    /** Purges each tenant's audit log after its retention, and the installation's after the longest. */
    public void purgeAuditLog() {
        Instant now = clock.instant();
        long longest = 0;
        for (Tenant t : directory.tenants()) {
            Duration retention = t.settings().retention();
            longest = Math.max(longest, retention.toDays());
            audit.purgeBefore(Optional.of(t.id()), now.minus(retention));
        }
        audit.purgeBefore(Optional.empty(), now.minus(Duration.ofDays(longest == 0 ? 150 : longest)));
    }

    /** A service-operator token made on first start (or by {@code mms token --operator}). */
    public ApiToken.Issued issueServiceOperatorToken(String name) {
        return tokens.issue(Optional.empty(), name, Role.SERVICE_OPERATOR, Optional.empty(), clock.instant());
    }

    /** The token that reads {@code /metrics}, made on first start. */
    public ApiToken.Issued issueMetricsToken(String name) {
        return tokens.issue(Optional.empty(), name, Role.METRICS, Optional.empty(), clock.instant());
    }

    /** An admin token made by the service itself: on first start, or from the machine ({@code mms token}), where file access is the proof. */
    public ApiToken.Issued issueAdminToken(TenantId tenant, String name) {
        if (directory.tenant(tenant).isEmpty()) {
            throw new AdminException.NotFound("there is no tenant '" + tenant.value() + "'");
        }
        return tokens.issue(Optional.of(tenant), name, Role.ADMIN, Optional.empty(), clock.instant());
    }

    public boolean anyToken(Role role) {
        return tokens.any(role);
    }

    private static String tokenName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new AdminException.BadRequest("a token's Name is 1 to 100 characters, without control characters");
        }
        return n;
    }
}
