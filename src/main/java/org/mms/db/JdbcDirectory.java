package org.mms.db;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.mms.admin.AdminException;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.ApprovalSettings;
import org.mms.directory.AudioConferencing;
import org.mms.directory.AudioProvider;
import org.mms.directory.Bridge;
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.Directory;
import org.mms.directory.GraphStoreSettings;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.ServiceNumber;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.directory.UserId;
import org.mms.secret.Secret;
import org.mms.secret.SecretBox;

/** The directory in the database: tables {@code tenant}, {@code bridge}, {@code service_number}, {@code app_user}. */
public final class JdbcDirectory implements Directory {

    private final Jdbi jdbi;
    private final SecretBox secrets;

    /** With a key of this process only: for tests and tools that read no stored password. */
    public JdbcDirectory(Database db) {
        this(db, SecretBox.ephemeral());
    }

    /** Passwords sealed and opened with {@code secrets} (the installation's key, see {@link org.mms.secret.SecretKeyFile}). */
    public JdbcDirectory(Database db, SecretBox secrets) {
        this.jdbi = db.jdbi();
        this.secrets = secrets;
    }

    @Override
    public Optional<Tenant> tenant(TenantId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenant WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> tenantOf(rs)).findOne());
    }

    @Override
    public List<Tenant> tenants() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenant ORDER BY name").map((rs, ctx) -> tenantOf(rs)).list());
    }

    /**
     * Saves the tenant and claims its domains. A domain another tenant owns is refused with
     * {@link AdminException.Conflict}, naming the domain (and not the tenant that owns it).
     */
    @Override
    public void saveTenant(Tenant t) {
        List<String> domains = t.domains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).distinct().toList();
        try {
            jdbi.useTransaction(h -> {
                refuseDomainsOfOthers(h, t.id(), domains);
                int updated = h.createUpdate("""
                        UPDATE tenant SET name = :name, domains = :domains, meeting_migration_enabled = :mme,
                          auto_migrate_user_meetings = :amum, auto_replace_acp_provider = :arap, migrate_on_sip_change = :sip,
                          migrate_on_meeting_url_change = :url, settle_window_ms = :settle, attendee_limit = :limit,
                          retry_attempts = :retries, retry_window_ms = :retryWindow, retention_ms = :retention,
                          online_meeting_url = :online, on_premises_meeting_url = :onprem, teams_join_url_template = :teams,
                          local_numbers_url = :local, pin_reset_url = :pin, help_url = :help, require_add_in_properties = :addIn,
                          custom_footer_text = :footerText, custom_footer_html = :footerHtml, max_updates_per_hour = :maxPerHour,
                          quiet_hours_start = :quietStart, quiet_hours_end = :quietEnd, quiet_hours_time_zone = :quietZone,
                          notify_organizer_before_minutes = :noticeMinutes
                        WHERE id = :id""").bindMap(tenantColumns(t)).execute();
                if (updated == 0) {
                    h.createUpdate("""
                            INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,
                              auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms,
                              attendee_limit, retry_attempts, retry_window_ms, retention_ms, online_meeting_url,
                              on_premises_meeting_url, teams_join_url_template, local_numbers_url, pin_reset_url, help_url,
                              require_add_in_properties, custom_footer_text, custom_footer_html, max_updates_per_hour, quiet_hours_start,
                              quiet_hours_end, quiet_hours_time_zone, notify_organizer_before_minutes)
                            VALUES (:id, :name, :domains, :mme, :amum, :arap, :sip, :url, :settle, :limit, :retries, :retryWindow,
                              :retention, :online, :onprem, :teams, :local, :pin, :help, :addIn, :footerText, :footerHtml, :maxPerHour,
                              :quietStart, :quietEnd, :quietZone, :noticeMinutes)""").bindMap(tenantColumns(t)).execute();
                }
                claimDomains(h, t.id(), domains);
            });
        } catch (UnableToExecuteStatementException e) {
            // Another tenant claimed one of them between the check and the insert: the primary key refused it.
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                jdbi.useHandle(h -> refuseDomainsOfOthers(h, t.id(), domains));
            }
            throw e;
        }
    }

    @Override
    public ApprovalSettings approvalSettings(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT require_approval, approval_threshold_meetings FROM tenant WHERE id = :id")
                .bind("id", tenant.value())
                .map((rs, ctx) -> new ApprovalSettings(rs.getBoolean("require_approval"),
                        Optional.ofNullable(rs.getObject("approval_threshold_meetings", Integer.class))))
                .findOne().orElse(ApprovalSettings.NONE));
    }

    @Override
    public void saveApprovalSettings(TenantId tenant, ApprovalSettings approval) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE tenant SET require_approval = :require, approval_threshold_meetings = :threshold"
                        + " WHERE id = :id")
                .bind("require", approval.requireApproval())
                .bindByType("threshold", approval.thresholdMeetings().orElse(null), Integer.class)
                .bind("id", tenant.value())
                .execute());
    }

    private static void refuseDomainsOfOthers(Handle h, TenantId tenant, List<String> domains) {
        if (domains.isEmpty()) {
            return;
        }
        h.createQuery("SELECT domain FROM tenant_domain WHERE domain IN (<domains>) AND tenant_id <> :t ORDER BY domain")
                .bindList("domains", domains).bind("t", tenant.value()).mapTo(String.class).findFirst().ifPresent(taken -> {
                    throw new AdminException.Conflict("the domain " + taken + " belongs to another tenant");
                });
    }

    /** The tenant's domains are these, and no longer those it dropped. */
    private static void claimDomains(Handle h, TenantId tenant, List<String> domains) {
        List<String> owned = h.createQuery("SELECT domain FROM tenant_domain WHERE tenant_id = :t").bind("t", tenant.value())
                .mapTo(String.class).list();
        for (String dropped : owned) {
            if (!domains.contains(dropped)) {
                h.createUpdate("DELETE FROM tenant_domain WHERE domain = :d AND tenant_id = :t").bind("d", dropped).bind("t", tenant.value())
                        .execute();
            }
        }
        for (String domain : domains) {
            if (!owned.contains(domain)) {
                h.createUpdate("INSERT INTO tenant_domain (domain, tenant_id) VALUES (:d, :t)").bind("d", domain).bind("t", tenant.value())
                        .execute();
            }
        }
    }

    private static Map<String, Object> tenantColumns(Tenant t) {
        TenantSettings s = t.settings();
        Map<String, Object> m = new HashMap<>();
        m.put("id", t.id().value());
        m.put("name", t.name());
        m.put("domains", String.join(",", t.domains()));
        m.put("mme", s.meetingMigrationEnabled());
        m.put("amum", s.automaticallyMigrateUserMeetings());
        m.put("arap", s.automaticallyReplaceAcpProvider());
        m.put("sip", s.migrateOnSipAddressChange());
        m.put("url", s.migrateOnMeetingUrlChange());
        m.put("settle", s.settleWindow().toMillis());
        m.put("limit", s.attendeeLimit());
        m.put("retries", s.retryAttempts());
        m.put("retryWindow", s.retryWindow().toMillis());
        m.put("retention", s.retention().toMillis());
        m.put("online", s.onlineMeetingUrl().toString());
        m.put("onprem", s.onPremisesMeetingUrl().toString());
        m.put("teams", s.teamsJoinUrlTemplate());
        m.put("local", s.localNumbersUrl().map(URI::toString).orElse(null));
        m.put("pin", s.pinResetUrl().map(URI::toString).orElse(null));
        m.put("help", s.helpUrl().map(URI::toString).orElse(null));
        m.put("addIn", s.requireAddInProperties());
        m.put("footerText", s.customFooter().map(CustomFooter::text).orElse(null));
        m.put("footerHtml", s.customFooter().map(CustomFooter::html).orElse(null));
        TenantPacingColumns.put(s.pacing(), m);
        return m;
    }

    private static Tenant tenantOf(ResultSet rs) throws SQLException {
        TenantSettings settings = new TenantSettings(rs.getBoolean("meeting_migration_enabled"), rs.getBoolean("auto_migrate_user_meetings"),
                rs.getBoolean("auto_replace_acp_provider"), rs.getBoolean("migrate_on_sip_change"),
                rs.getBoolean("migrate_on_meeting_url_change"), Duration.ofMillis(rs.getLong("settle_window_ms")),
                rs.getInt("attendee_limit"), rs.getInt("retry_attempts"), Duration.ofMillis(rs.getLong("retry_window_ms")),
                Duration.ofMillis(rs.getLong("retention_ms")), URI.create(rs.getString("online_meeting_url")),
                URI.create(rs.getString("on_premises_meeting_url")), rs.getString("teams_join_url_template"),
                uri(rs.getString("local_numbers_url")), uri(rs.getString("pin_reset_url")), uri(rs.getString("help_url")),
                rs.getBoolean("require_add_in_properties"),
                customFooter(rs.getString("custom_footer_text"), rs.getString("custom_footer_html")), TenantPacingColumns.read(rs));
        List<String> domains = rs.getString("domains").isBlank() ? List.of() : Arrays.asList(rs.getString("domains").split(","));
        return new Tenant(new TenantId(rs.getString("id")), rs.getString("name"), domains, settings);
    }

    /** Both columns are written together: both null is no footer. */
    private static Optional<CustomFooter> customFooter(String text, String html) {
        return text == null || html == null ? Optional.empty() : Optional.of(new CustomFooter(text, html));
    }

    private static Optional<URI> uri(String value) {
        return value == null ? Optional.empty() : Optional.of(URI.create(value));
    }

    @Override
    public List<Bridge> bridges(TenantId tenant) {
        return jdbi.withHandle(h -> {
            List<String> ids = h.createQuery("SELECT id FROM bridge WHERE tenant_id = :t ORDER BY name").bind("t", tenant.value())
                    .mapTo(String.class).list();
            List<Bridge> bridges = new ArrayList<>();
            for (String id : ids) {
                bridge(h, id).ifPresent(bridges::add);
            }
            return bridges;
        });
    }

    @Override
    public Optional<Bridge> bridgeByName(TenantId tenant, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM bridge WHERE tenant_id = :t AND LOWER(name) = LOWER(:n)")
                .bind("t", tenant.value()).bind("n", name).mapTo(String.class).findOne().flatMap(id -> bridge(h, id)));
    }

    @Override
    public Optional<Bridge> bridge(String id) {
        return jdbi.withHandle(h -> bridge(h, id));
    }

    private static Optional<Bridge> bridge(Handle h, String id) {
        List<ServiceNumber> numbers = h.createQuery("SELECT * FROM service_number WHERE bridge_id = :id ORDER BY kind, number")
                .bind("id", id)
                .map((rs, ctx) -> new ServiceNumber(rs.getString("number"), DialInNumber.Kind.valueOf(rs.getString("kind")),
                        rs.getString("display"), Optional.ofNullable(rs.getString("city"))))
                .list();
        return h.createQuery("SELECT * FROM bridge WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Bridge(rs.getString("id"), new TenantId(rs.getString("tenant_id")), rs.getString("name"), numbers,
                        Optional.ofNullable(rs.getString("default_number"))))
                .findOne();
    }

    @Override
    public void saveBridge(Bridge b) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE bridge SET name = :name, default_number = :def WHERE id = :id")
                    .bind("id", b.id()).bind("name", b.name()).bind("def", b.defaultNumber().orElse(null)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO bridge (id, tenant_id, name, default_number) VALUES (:id, :t, :name, :def)")
                        .bind("id", b.id()).bind("t", b.tenant().value()).bind("name", b.name()).bind("def", b.defaultNumber().orElse(null))
                        .execute();
            }
            h.createUpdate("DELETE FROM service_number WHERE bridge_id = :id").bind("id", b.id()).execute();
            for (ServiceNumber n : b.numbers()) {
                h.createUpdate("INSERT INTO service_number (bridge_id, number, kind, display, city) VALUES (:b, :n, :k, :d, :c)")
                        .bind("b", b.id()).bind("n", n.number()).bind("k", n.kind().name()).bind("d", n.display())
                        .bind("c", n.city().orElse(null)).execute();
            }
        });
    }

    @Override
    public List<User> users(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM app_user WHERE tenant_id = :t ORDER BY upn").bind("t", tenant.value())
                .map((rs, ctx) -> userOf(rs)).list());
    }

    @Override
    public List<User> usersOnBridge(String bridgeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM app_user WHERE bridge_id = :b ORDER BY upn").bind("b", bridgeId)
                .map((rs, ctx) -> userOf(rs)).list());
    }

    @Override
    public Optional<Versioned<User>> user(TenantId tenant, UserId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM app_user WHERE tenant_id = :t AND id = :id")
                .bind("t", tenant.value()).bind("id", id.value())
                .map((rs, ctx) -> new Versioned<>(userOf(rs), rs.getLong("version"))).findOne());
    }

    @Override
    public Optional<Versioned<User>> findUser(TenantId tenant, String identity) {
        String i = identity.strip().replaceFirst("(?i)^(sip|mailto):", "").toLowerCase(Locale.ROOT);
        // One indexed lookup per key, in this order, rather than one OR that no index serves.
        Optional<Versioned<User>> direct = jdbi.withHandle(h -> {
            for (String key : List.of("upn_key", "sip_key", "id_key")) {
                Optional<Versioned<User>> found = h.createQuery("SELECT * FROM app_user WHERE tenant_id = :t AND " + key + " = :i")
                        .bind("t", tenant.value()).bind("i", i)
                        .map((rs, ctx) -> new Versioned<>(userOf(rs), rs.getLong("version"))).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.<Versioned<User>>empty();
        });
        if (direct.isPresent()) {
            return direct;
        }
        // Aliases are a list in one column: look for the candidates, then match exactly. LIKE's wildcards
        // are escaped (backslash is the default escape on both databases), not dropped: dropping the %
        // of an alias such as 100%ana@contoso.com made it impossible to find.
        String like = "%" + i.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM app_user WHERE tenant_id = :t AND LOWER(aliases) LIKE :like")
                .bind("t", tenant.value()).bind("like", like)
                .map((rs, ctx) -> new Versioned<>(userOf(rs), rs.getLong("version"))).list())
                .stream().filter(v -> v.value().isNamedBy(identity)).findFirst();
    }

    @Override
    public void addUser(User u) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO app_user (id, tenant_id, upn, sip_address, display_name, aliases, hosting, pool, mailbox, meeting_type,
                  upgrade_mode, ac_licensed, ac_enabled, ac_provider, bridge_id, toll_number, toll_free_number, conference_id,
                  public_meetings, acp_numbers, acp_conference_id, locale, object_id, upn_key, sip_key, id_key, version)
                VALUES (:id, :tenant, :upn, :sip, :name, :aliases, :hosting, :pool, :mailbox, :type, :mode, :licensed, :enabled,
                  :provider, :bridge, :toll, :tollFree, :confId, :public, :acp, :acpConf, :locale, :objectId, :upnKey, :sipKey, :idKey, 0)""")
                .bindMap(userColumns(u)).execute());
    }

    @Override
    public void updateUser(User u, long version) {
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE app_user SET upn = :upn, sip_address = :sip, display_name = :name, aliases = :aliases, hosting = :hosting,
                  pool = :pool, mailbox = :mailbox, meeting_type = :type, upgrade_mode = :mode, ac_licensed = :licensed,
                  ac_enabled = :enabled, ac_provider = :provider, bridge_id = :bridge, toll_number = :toll,
                  toll_free_number = :tollFree, conference_id = :confId, public_meetings = :public, acp_numbers = :acp,
                  acp_conference_id = :acpConf, locale = :locale, object_id = :objectId, upn_key = :upnKey, sip_key = :sipKey, version = version + 1
                WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .bindMap(userColumns(u)).bind("version", version).execute());
        if (updated == 0) {
            throw new ConcurrentUpdateException("user " + u.upn() + " was changed by someone else; read it again");
        }
    }

    @Override
    public CalendarStoreSettings calendarStore(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenant_calendar_store WHERE tenant_id = :t").bind("t", tenant.value())
                .map((rs, ctx) -> new CalendarStoreSettings(CalendarStoreSettings.Kind.valueOf(rs.getString("kind")),
                        uri(rs.getString("base_url")), Optional.ofNullable(rs.getString("calendar_path")),
                        Optional.ofNullable(rs.getString("username")), password(tenant, rs),
                        CalendarStoreSettings.Scheduling.valueOf(rs.getString("scheduling")), rs.getBoolean("allow_insecure_http"),
                        graph(tenant, rs)))
                .findOne().orElse(CalendarStoreSettings.embedded()));
    }

    /** The Exchange Online application of a GRAPH row, its credential opened; empty for the other kinds. */
    private Optional<GraphStoreSettings> graph(TenantId tenant, ResultSet rs) throws SQLException {
        if (!rs.getString("kind").equals(CalendarStoreSettings.Kind.GRAPH.name())) {
            return Optional.empty();
        }
        String secret = rs.getString("client_secret_sealed");
        GraphStoreSettings.Credential credential = secret != null
                ? new GraphStoreSettings.ClientSecret(open(tenant, secret, GRAPH_CLIENT_SECRET, "client secret"))
                : new GraphStoreSettings.Certificate(open(tenant, rs.getString("certificate_sealed"), GRAPH_CERTIFICATE, "certificate"),
                        Optional.ofNullable(rs.getString("certificate_password_sealed"))
                                .map(sealed -> open(tenant, sealed, GRAPH_CERTIFICATE_PASSWORD, "certificate password")));
        return Optional.of(new GraphStoreSettings(rs.getString("directory_tenant_id"), rs.getString("client_id"), credential,
                URI.create(rs.getString("graph_url")), URI.create(rs.getString("authority_url")),
                orDefault(rs, "max_requests_per_mailbox", GraphStoreSettings.MOST_PER_MAILBOX),
                orDefault(rs, "max_requests_in_flight", GraphStoreSettings.DEFAULT_IN_FLIGHT)));
    }

    /** An INTEGER column, or {@code otherwise} when it is empty. */
    private static int orDefault(ResultSet rs, String column, int otherwise) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? otherwise : value;
    }

    /** The columns the Graph credential is sealed in; each name is part of the place it is sealed for. */
    static final String GRAPH_CLIENT_SECRET = "client_secret";
    static final String GRAPH_CERTIFICATE = "certificate";
    static final String GRAPH_CERTIFICATE_PASSWORD = "certificate_password";

    /** Where a tenant's Graph credential of {@code column} is sealed for: not another tenant's row, not another column. */
    static String graphContext(String column, String tenant) {
        return "tenant_calendar_store." + column + ":" + tenant;
    }

    private Secret open(TenantId tenant, String sealed, String column, String what) {
        try {
            return secrets.open(sealed, graphContext(column, tenant.value()));
        } catch (SecretBox.SealedSecretException e) {
            throw new IllegalStateException("the Exchange Online " + what + " of tenant " + tenant.value() + " does not open with this "
                    + "process's key (DATA/secret.key or MMS_SECRET_KEY): every process sharing the database needs the same key, "
                    + "or set it again with Set-CsCalendarStore");
        }
    }

    /** Where a tenant's store password is sealed for: a sealed value copied to another tenant's row does not open. */
    static String passwordContext(String tenant) {
        return "tenant_calendar_store.password:" + tenant;
    }

    /** The sealed password opened; a clear one only until {@link SealClearPasswords} has run on this database. */
    private Optional<Secret> password(TenantId tenant, ResultSet rs) throws SQLException {
        String sealed = rs.getString("password_sealed");
        if (sealed == null) {
            return Optional.ofNullable(rs.getString("password")).map(Secret::new);
        }
        try {
            return Optional.of(secrets.open(sealed, passwordContext(tenant.value())));
        } catch (SecretBox.SealedSecretException e) {
            throw new IllegalStateException("the calendar store password of tenant " + tenant.value() + " does not open with this "
                    + "process's key (DATA/secret.key or MMS_SECRET_KEY): every process sharing the database needs the same key, "
                    + "or set the password again with Set-CsCalendarStore");
        }
    }

    @Override
    public void saveCalendarStore(TenantId tenant, CalendarStoreSettings s) {
        Optional<GraphStoreSettings> graph = s.graph();
        Optional<GraphStoreSettings.Credential> credential = graph.map(GraphStoreSettings::credential);
        Optional<GraphStoreSettings.ClientSecret> clientSecret = credential
                .flatMap(c -> c instanceof GraphStoreSettings.ClientSecret secret ? Optional.of(secret) : Optional.empty());
        Optional<GraphStoreSettings.Certificate> certificate = credential
                .flatMap(c -> c instanceof GraphStoreSettings.Certificate cert ? Optional.of(cert) : Optional.empty());
        String t = tenant.value();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM tenant_calendar_store WHERE tenant_id = :t").bind("t", t).execute();
            h.createUpdate("""
                    INSERT INTO tenant_calendar_store (tenant_id, kind, base_url, calendar_path, username, password_sealed, scheduling,
                      allow_insecure_http, directory_tenant_id, client_id, graph_url, authority_url, client_secret_sealed,
                      certificate_sealed, certificate_password_sealed, max_requests_per_mailbox, max_requests_in_flight)
                    VALUES (:t, :kind, :url, :path, :user, :sealed, :scheduling, :insecure, :directoryTenant, :client, :graphUrl,
                      :authorityUrl, :clientSecret, :certificate, :certificatePassword, :perMailbox, :inFlight)""")
                    .bind("t", t).bind("kind", s.kind().name()).bind("url", s.baseUrl().map(URI::toString).orElse(null))
                    .bind("path", s.calendarPath().orElse(null)).bind("user", s.username().orElse(null))
                    .bind("sealed", s.password().map(p -> secrets.seal(p, passwordContext(t))).orElse(null))
                    .bind("scheduling", s.scheduling().name()).bind("insecure", s.allowInsecureHttp())
                    .bind("directoryTenant", graph.map(GraphStoreSettings::directoryTenantId).orElse(null))
                    .bind("client", graph.map(GraphStoreSettings::clientId).orElse(null))
                    .bind("graphUrl", graph.map(g -> g.graphUrl().toString()).orElse(null))
                    .bind("authorityUrl", graph.map(g -> g.authorityUrl().toString()).orElse(null))
                    .bind("clientSecret", clientSecret.map(c -> secrets.seal(c.secret(), graphContext(GRAPH_CLIENT_SECRET, t))).orElse(null))
                    .bind("certificate", certificate.map(c -> secrets.seal(c.base64(), graphContext(GRAPH_CERTIFICATE, t))).orElse(null))
                    .bind("certificatePassword", certificate.flatMap(GraphStoreSettings.Certificate::password)
                            .map(p -> secrets.seal(p, graphContext(GRAPH_CERTIFICATE_PASSWORD, t))).orElse(null))
                    .bind("perMailbox", graph.map(GraphStoreSettings::maxRequestsPerMailbox).orElse(null))
                    .bind("inFlight", graph.map(GraphStoreSettings::maxRequestsInFlight).orElse(null))
                    .execute();
        });
    }

    @Override
    public Optional<URI> calendarUrl(TenantId tenant, UserId user) {
        return jdbi.withHandle(h -> h.createQuery("SELECT calendar_url FROM user_calendar WHERE tenant_id = :t AND user_id = :u")
                .bind("t", tenant.value()).bind("u", user.value()).mapTo(String.class).findOne().map(URI::create));
    }

    @Override
    public void saveCalendarUrl(TenantId tenant, UserId user, Optional<URI> calendarUrl) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM user_calendar WHERE tenant_id = :t AND user_id = :u").bind("t", tenant.value())
                    .bind("u", user.value()).execute();
            calendarUrl.ifPresent(url -> h.createUpdate("INSERT INTO user_calendar (tenant_id, user_id, calendar_url) VALUES (:t, :u, :url)")
                    .bind("t", tenant.value()).bind("u", user.value()).bind("url", url.toString()).execute());
        });
    }

    private static Map<String, Object> userColumns(User u) {
        AudioConferencing a = u.audio();
        Map<String, Object> m = new HashMap<>();
        m.put("id", u.id().value());
        m.put("tenant", u.tenant().value());
        m.put("upn", u.upn());
        m.put("sip", u.sipAddress());
        // Lower-cased as findUser lowers the identity it is given.
        m.put("upnKey", u.upn().toLowerCase(Locale.ROOT));
        m.put("sipKey", u.sipAddress().toLowerCase(Locale.ROOT));
        m.put("idKey", u.id().value().toLowerCase(Locale.ROOT));
        m.put("name", u.displayName());
        m.put("aliases", String.join("\n", u.aliases()));
        m.put("hosting", u.hosting().name());
        m.put("pool", u.pool().orElse(null));
        m.put("mailbox", u.mailbox().name());
        m.put("type", u.meetingType().name());
        m.put("mode", u.upgradeMode().name());
        m.put("licensed", a.licensed());
        m.put("enabled", a.enabled());
        m.put("provider", a.provider().name());
        m.put("bridge", a.bridgeId().orElse(null));
        m.put("toll", a.tollNumber().orElse(null));
        m.put("tollFree", a.tollFreeNumber().orElse(null));
        m.put("confId", a.conferenceId().orElse(null));
        m.put("public", a.publicMeetings());
        m.put("acp", encodeNumbers(a.acpNumbers()));
        m.put("acpConf", a.acpConferenceId().orElse(null));
        m.put("locale", u.locale().toLanguageTag());
        m.put("objectId", u.objectId().orElse(null));
        return m;
    }

    private static User userOf(ResultSet rs) throws SQLException {
        Set<String> aliases = new LinkedHashSet<>();
        for (String a : rs.getString("aliases").split("\n")) {
            if (!a.isBlank()) {
                aliases.add(a);
            }
        }
        AudioConferencing audio = new AudioConferencing(rs.getBoolean("ac_licensed"), rs.getBoolean("ac_enabled"),
                AudioProvider.valueOf(rs.getString("ac_provider")), Optional.ofNullable(rs.getString("bridge_id")),
                Optional.ofNullable(rs.getString("toll_number")), Optional.ofNullable(rs.getString("toll_free_number")),
                Optional.ofNullable(rs.getString("conference_id")), rs.getBoolean("public_meetings"),
                decodeNumbers(rs.getString("acp_numbers")), Optional.ofNullable(rs.getString("acp_conference_id")));
        return new User(new UserId(rs.getString("id")), new TenantId(rs.getString("tenant_id")), rs.getString("upn"),
                rs.getString("sip_address"), rs.getString("display_name"), aliases, Hosting.valueOf(rs.getString("hosting")),
                Optional.ofNullable(rs.getString("pool")), MailboxLocation.valueOf(rs.getString("mailbox")),
                MeetingType.valueOf(rs.getString("meeting_type")), TeamsUpgradeMode.valueOf(rs.getString("upgrade_mode")), audio,
                Locale.forLanguageTag(rs.getString("locale")), Optional.ofNullable(rs.getString("object_id")));
    }

    /** Third-party numbers, one per line: number, kind, display, place separated by tabs. */
    private static String encodeNumbers(List<DialInNumber> numbers) {
        StringBuilder sb = new StringBuilder();
        for (DialInNumber n : numbers) {
            sb.append(n.e164()).append('\t').append(n.kind()).append('\t').append(n.display().replace('\t', ' ')).append('\t')
                    .append(n.place().orElse("").replace('\t', ' ')).append('\n');
        }
        return sb.toString();
    }

    private static List<DialInNumber> decodeNumbers(String encoded) {
        List<DialInNumber> numbers = new ArrayList<>();
        for (String line : encoded.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            numbers.add(new DialInNumber(f[0], DialInNumber.Kind.valueOf(f[1]), f[2], f[3].isEmpty() ? Optional.empty() : Optional.of(f[3])));
        }
        return numbers;
    }
}
