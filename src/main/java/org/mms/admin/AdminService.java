package org.mms.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.mms.block.CheckFooter;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.calendar.CalendarFrames;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.JoinCalendar;
import org.mms.detection.DecideTrigger;
import org.mms.directory.ApprovalSettings;
import org.mms.directory.Bridge;
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.ChangeUser;
import org.mms.directory.Directory;
import org.mms.directory.DirectoryChange;
import org.mms.directory.GraphStoreSettings;
import org.mms.directory.MailboxLocation;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.ServiceNumber;
import org.mms.directory.Spelling;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.directory.UserId;
import org.mms.itip.MessageOutbox;
import org.mms.migration.PreviewMigration;
import org.mms.queue.CorrelationId;
import org.mms.queue.HistoryFilter;
import org.mms.queue.IllegalStateChangeException;
import org.mms.queue.MigrationQueue;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationState;
import org.mms.queue.MigrationStatusQueries;
import org.mms.queue.StatusFilter;
import org.mms.secret.ClientCertificate;

/**
 * The admin facade: each operation reads what it needs, applies the directory change as a pure
 * function ({@link ChangeUser}), and hands the result to {@link ApplyChanges}, which asks the trigger
 * policy and queues migrations. Queries map the stores' records to the cmdlets' views.
 */
public final class AdminService implements Admin {

    private final Directory directory;
    private final MigrationStatusQueries status;
    private final MeetingHistory history;
    private final DecisionLog decisions;
    private final ApplyChanges apply;
    private final ImportCalendar importCalendar;
    private final AddOnlineMeeting addOnlineMeeting;
    private final RandomGenerator random;
    private final CalendarStore calendars;
    private final CalendarFrames frames;
    private final CheckCalendarStore checkStore;
    private final QueueUndo queueUndo;
    private final MigrationQueue queue;
    private final Clock clock;
    /** Directory operations preview what they would do ({@code -WhatIf}) instead of doing it. */
    private final boolean whatIf;
    private final ShowUpdatesWaiting updatesWaiting;

    /** Calendar store settings saved without trying them first (tests of the admin logic). */
    public AdminService(Directory directory, MigrationQueue queue, MigrationStatusQueries status, MeetingHistory history,
            DecisionLog decisions, CalendarStore store, CalendarFrames frames, MessageOutbox outbox, Clock clock, RandomGenerator random) {
        this(directory, queue, status, history, decisions, store, frames, outbox, clock, random, CheckCalendarStore.NONE);
    }

    /** @param checkStore tries calendar store settings before {@code Set-CsCalendarStore} saves them */
    public AdminService(Directory directory, MigrationQueue queue, MigrationStatusQueries status, MeetingHistory history,
            DecisionLog decisions, CalendarStore store, CalendarFrames frames, MessageOutbox outbox, Clock clock, RandomGenerator random,
            CheckCalendarStore checkStore) {
        this.checkStore = checkStore;
        this.directory = directory;
        this.status = status;
        this.history = history;
        this.decisions = decisions;
        this.apply = new ApplyChanges(directory, new DecideTrigger(), queue, status, decisions, clock, new PreviewMigration(store, clock));
        this.importCalendar = new ImportCalendar(store, frames);
        this.addOnlineMeeting = new AddOnlineMeeting(directory, store, outbox, clock, random);
        this.updatesWaiting = new ShowUpdatesWaiting(outbox, clock);
        this.random = random;
        this.calendars = store;
        this.frames = frames;
        this.queueUndo = new QueueUndo(directory, queue, status, clock);
        this.queue = queue;
        this.clock = clock;
        this.whatIf = false;
    }

    /** The same service previewing its directory operations. */
    private AdminService(AdminService doing) {
        this.checkStore = doing.checkStore;
        this.directory = doing.directory;
        this.status = doing.status;
        this.history = doing.history;
        this.decisions = doing.decisions;
        this.apply = doing.apply;
        this.importCalendar = doing.importCalendar;
        this.addOnlineMeeting = doing.addOnlineMeeting;
        this.random = doing.random;
        this.calendars = doing.calendars;
        this.frames = doing.frames;
        this.queueUndo = doing.queueUndo;
        this.updatesWaiting = doing.updatesWaiting;
        this.queue = doing.queue;
        this.clock = doing.clock;
        this.whatIf = true;
    }

    @Override
    public Admin whatIf() {
        return whatIf ? this : new AdminService(this);
    }

    /** A directory operation's end: done, or with {@code -WhatIf} previewed. */
    private Views.ChangeResult changes(String operation, Tenant tenant, List<ApplyChanges.Saved> changes, Optional<Bridge> changedBridge) {
        return whatIf ? apply.preview(operation, tenant, changes, changedBridge) : apply.apply(operation, tenant, changes);
    }

    private Views.ChangeResult changes(String operation, Tenant tenant, List<ApplyChanges.Saved> changes) {
        return changes(operation, tenant, changes, Optional.empty());
    }

    /** Only the directory operations that can queue a migration have a preview; the others refuse rather than act. */
    private void refuseWhatIf(String operation) {
        if (whatIf) {
            throw new AdminException.BadRequest(operation + " has no -WhatIf");
        }
    }

    private Tenant tenant(TenantId id) {
        return directory.tenant(id).orElseThrow(() -> new AdminException.NotFound("no tenant " + id));
    }

    @Override
    public Views.MigrationConfiguration migrationConfiguration(TenantId tenant) {
        TenantSettings s = tenant(tenant).settings();
        ApprovalSettings approval = directory.approvalSettings(tenant);
        return new Views.MigrationConfiguration(s.meetingMigrationEnabled(), s.settleWindow().toSeconds(), s.attendeeLimit(),
                s.retryAttempts(), s.retryWindow().toSeconds(), s.retention().toDays(), s.migrateOnSipAddressChange(),
                s.migrateOnMeetingUrlChange(), s.requireAddInProperties(), s.customFooter().map(CustomFooter::text).orElse(null),
                s.customFooter().map(CustomFooter::html).orElse(null), approval.requireApproval(),
                approval.thresholdMeetings().orElse(null), s.pacing().maxUpdatesPerHour().orElse(0),
                s.pacing().quietHours().map(q -> q.start().toString()).orElse(null),
                s.pacing().quietHours().map(q -> q.end().toString()).orElse(null),
                s.pacing().quietHours().map(q -> q.zone().getId()).orElse(null), (int) s.pacing().organizerNotice().toMinutes());
    }

    @Override
    public Views.MigrationConfiguration setMigrationConfiguration(TenantId id, Requests.MigrationConfigurationChange c) {
        refuseWhatIf("Set-CsTenantMigrationConfiguration");
        Tenant t = tenant(id);
        TenantSettings s = t.settings();
        long longest = FieldLimits.LONGEST_WINDOW.toSeconds();
        c.settleWindowSeconds().filter(v -> v < 0 || v > longest).ifPresent(v -> bad("SettleWindowSeconds must be from 0 to " + longest));
        c.attendeeLimit().filter(v -> v < 1 || v > FieldLimits.MOST_ATTENDEES)
                .ifPresent(v -> bad("AttendeeLimit must be from 1 to " + FieldLimits.MOST_ATTENDEES));
        c.retryAttempts().filter(v -> v < 0 || v > 100).ifPresent(v -> bad("RetryAttempts must be between 0 and 100"));
        c.retryWindowSeconds().filter(v -> v < 0 || v > longest).ifPresent(v -> bad("RetryWindowSeconds must be from 0 to " + longest));
        c.retentionDays().filter(v -> v < 1 || v > FieldLimits.MOST_RETENTION_DAYS)
                .ifPresent(v -> bad("RetentionDays must be from 1 to " + FieldLimits.MOST_RETENTION_DAYS));
        Optional<CustomFooter> footer = c.customFooterText().isPresent() || c.customFooterHtml().isPresent()
                ? customFooter(c.customFooterText(), c.customFooterHtml()) : s.customFooter();
        TenantSettings updated = new TenantSettings(c.meetingMigrationEnabled().orElse(s.meetingMigrationEnabled()),
                s.automaticallyMigrateUserMeetings(), s.automaticallyReplaceAcpProvider(),
                c.migrateOnSipAddressChange().orElse(s.migrateOnSipAddressChange()),
                c.migrateOnMeetingUrlChange().orElse(s.migrateOnMeetingUrlChange()),
                c.settleWindowSeconds().map(Duration::ofSeconds).orElse(s.settleWindow()), c.attendeeLimit().orElse(s.attendeeLimit()),
                c.retryAttempts().orElse(s.retryAttempts()), c.retryWindowSeconds().map(Duration::ofSeconds).orElse(s.retryWindow()),
                c.retentionDays().map(Duration::ofDays).orElse(s.retention()), s.onlineMeetingUrl(), s.onPremisesMeetingUrl(),
                s.teamsJoinUrlTemplate(), s.localNumbersUrl(), s.pinResetUrl(), s.helpUrl(),
                c.requireAddInProperties().orElse(s.requireAddInProperties()), footer, pacing(c.pacing(), s.pacing()));
        ApprovalSettings approval = approvalSettings(directory.approvalSettings(id), c.requireApproval(), c.approvalThresholdMeetings());
        directory.saveTenant(t.withSettings(updated));
        directory.saveApprovalSettings(id, approval);
        return migrationConfiguration(id);
    }

    /** {@code -RequireApproval} and {@code -ApprovalThresholdMeetings} (a number of meetings, or {@code None}) over the current ones. */
    private static ApprovalSettings approvalSettings(ApprovalSettings current, Optional<Boolean> require, Optional<String> threshold) {
        Optional<Integer> meetings = current.thresholdMeetings();
        if (threshold.isPresent()) {
            String value = threshold.get().strip();
            if (value.equalsIgnoreCase("none")) {
                meetings = Optional.empty();
            } else {
                try {
                    meetings = Optional.of(Integer.parseInt(value)).filter(n -> n >= 0 && n <= FieldLimits.MOST_APPROVAL_THRESHOLD);
                } catch (NumberFormatException e) {
                    meetings = Optional.empty();
                }
                if (meetings.isEmpty()) {
                    bad("ApprovalThresholdMeetings must be a number of meetings from 0 to " + FieldLimits.MOST_APPROVAL_THRESHOLD
                            + ", or None");
                }
            }
        }
        return new ApprovalSettings(require.orElse(current.requireApproval()), meetings);
    }

    /** The pacing the parameters make of the tenant's, or a refusal that lists every problem. */
    private static OutgoingPacing pacing(Requests.PacingChange change, OutgoingPacing current) {
        return switch (CheckPacing.check(change, current)) {
            case CheckPacing.Accepted(OutgoingPacing pacing) -> pacing;
            case CheckPacing.Refused(List<String> problems) -> throw new AdminException.BadRequest(String.join("; ", problems));
        };
    }

    /** The footer the parameters give (none when both are empty), or a refusal that lists every problem. */
    private static Optional<CustomFooter> customFooter(Optional<String> text, Optional<String> html) {
        return switch (CheckFooter.check("CustomFooterText", text, "CustomFooterHtml", html)) {
            case CheckFooter.Accepted(Optional<CustomFooter> footer) -> footer;
            case CheckFooter.Refused(List<String> problems) -> throw new AdminException.BadRequest(String.join("; ", problems));
        };
    }

    @Override
    public Views.CalendarStore calendarStore(TenantId id) {
        CalendarStoreSettings s = directory.calendarStore(tenant(id).id());
        Optional<GraphStoreSettings> g = s.graph();
        Optional<GraphStoreSettings.Certificate> certificate = g.map(GraphStoreSettings::credential)
                .flatMap(c -> c instanceof GraphStoreSettings.Certificate cert ? Optional.of(cert) : Optional.empty());
        return new Views.CalendarStore(kindName(s.kind()), s.baseUrl().map(URI::toString).orElse(null),
                s.kind() == CalendarStoreSettings.Kind.CALDAV ? s.calendarPath().orElse(CalendarStoreSettings.DEFAULT_CALENDAR_PATH) : null,
                s.username().orElse(null), s.password().isPresent(), schedulingName(s.scheduling()), s.allowInsecureHttp(),
                g.map(GraphStoreSettings::directoryTenantId).orElse(null), g.map(GraphStoreSettings::clientId).orElse(null),
                g.map(x -> x.graphUrl().toString()).orElse(null), g.map(x -> x.authorityUrl().toString()).orElse(null),
                g.map(x -> x.credential() instanceof GraphStoreSettings.ClientSecret).orElse(null),
                g.map(x -> x.credential() instanceof GraphStoreSettings.Certificate).orElse(null),
                certificate.flatMap(AdminService::thumbprint).orElse(null), g.map(GraphStoreSettings::maxRequestsPerMailbox).orElse(null),
                g.map(GraphStoreSettings::maxRequestsInFlight).orElse(null));
    }

    private static String kindName(CalendarStoreSettings.Kind kind) {
        return switch (kind) {
            case EMBEDDED -> "Embedded";
            case CALDAV -> "CalDav";
            case GRAPH -> "Graph";
        };
    }

    /** Read when shown, not stored: the file is the one truth, and a thumbprint column could drift from it. */
    private static Optional<String> thumbprint(GraphStoreSettings.Certificate c) {
        try {
            return Optional.of(ClientCertificate.read(c.bytes(), c.password()).thumbprint());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Views.CalendarStore setCalendarStore(TenantId id, Requests.CalendarStoreChange c) {
        refuseWhatIf("Set-CsCalendarStore");
        CalendarStoreSettings s = directory.calendarStore(tenant(id).id());
        CalendarStoreSettings.Kind kind = c.kind().map(k -> switch (k.toLowerCase(java.util.Locale.ROOT)) {
            case "embedded" -> CalendarStoreSettings.Kind.EMBEDDED;
            case "caldav" -> CalendarStoreSettings.Kind.CALDAV;
            case "graph" -> CalendarStoreSettings.Kind.GRAPH;
            default -> throw new AdminException.BadRequest("Kind must be Embedded, CalDav or Graph, not " + k);
        }).orElse(s.kind());
        if (kind == CalendarStoreSettings.Kind.GRAPH) {
            return setGraphStore(id, s, c);
        }
        if (c.graph().any()) {
            bad("DirectoryTenantId, ClientId, ClientSecret, Certificate, CertificatePassword, GraphUrl, AuthorityUrl, MaxRequestsPerMailbox and MaxRequestsInFlight are for -Kind Graph");
        }
        CalendarStoreSettings.Scheduling scheduling = c.scheduling().map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> CalendarStoreSettings.Scheduling.AUTO;
            case "serverschedules", "server" -> CalendarStoreSettings.Scheduling.SERVER_SCHEDULES;
            case "mmssends", "mms" -> CalendarStoreSettings.Scheduling.MMS_SENDS;
            default -> throw new AdminException.BadRequest("Scheduling must be Auto, ServerSchedules or MmsSends, not " + v);
        }).orElse(kind == CalendarStoreSettings.Kind.CALDAV && s.kind() != kind ? CalendarStoreSettings.Scheduling.AUTO : s.scheduling());
        c.calendarPath().ifPresent(p -> InputRules.name("CalendarPath", p));
        c.userName().ifPresent(u -> InputRules.name("UserName", u));
        Optional<URI> url = c.url().map(u -> InputRules.serverUrl("Url", u)).or(() -> s.baseUrl());
        CalendarStoreSettings updated;
        try {
            boolean caldav = kind == CalendarStoreSettings.Kind.CALDAV;
            updated = new CalendarStoreSettings(kind, caldav ? url : Optional.empty(),
                    c.calendarPath().or(() -> s.calendarPath()), c.userName().or(() -> s.username()), c.password().or(() -> s.password()),
                    caldav ? scheduling : CalendarStoreSettings.Scheduling.MMS_SENDS,
                    // Allowed for one server, not for the next one an admin points the store at.
                    caldav && c.allowInsecureHttp().orElse(c.url().isEmpty() && s.allowInsecureHttp()));
        } catch (IllegalArgumentException e) {
            throw new AdminException.BadRequest(e.getMessage());
        }
        updated.insecureHttp().ifPresent(AdminService::bad);
        // A path template that is a whole URL must stay on the store's origin too: the credentials go nowhere else.
        updated.calendarPath().filter(p -> caldavTemplateElsewhere(updated, p)).ifPresent(p -> bad("CalendarPath is a URL on "
                + CalendarStoreSettings.origin(URI.create(p.replace("{user}", "u").replace("{upn}", "u"))) + ", not on the calendar store's own "
                + CalendarStoreSettings.origin(updated.baseUrl().orElseThrow()) + " (MMS sends the store's credentials to no other server)"));
        if (updated.kind() == CalendarStoreSettings.Kind.CALDAV && !c.skipValidation()) {
            // Tried before it is saved, so that a wrong password or URL is said now, not at the next migration.
            checkStore.problem(updated, Optional.empty())
                    .ifPresent(problem -> bad(problem + "; nothing was saved (SkipValidation saves anyway)"));
        }
        directory.saveCalendarStore(id, updated);
        return calendarStore(id);
    }

    /**
     * {@code Set-CsCalendarStore -Kind Graph}: parameters not given stay as the tenant's Graph store has them
     * (the credential too), so a secret rotation is {@code -ClientSecretFile} alone.
     */
    private Views.CalendarStore setGraphStore(TenantId id, CalendarStoreSettings s, Requests.CalendarStoreChange c) {
        if (c.url().isPresent() || c.calendarPath().isPresent() || c.userName().isPresent() || c.password().isPresent()
                || c.scheduling().isPresent() || c.allowInsecureHttp().orElse(false)) {
            bad("Url, CalendarPath, UserName, Password, Scheduling and AllowInsecureHttp are for a CalDAV store, not -Kind Graph");
        }
        Requests.GraphChange g = c.graph();
        Optional<GraphStoreSettings> before = s.graph();
        String tenantId = g.directoryTenantId().or(() -> before.map(GraphStoreSettings::directoryTenantId))
                .orElseThrow(() -> new AdminException.BadRequest("an Exchange Online store needs DirectoryTenantId, the organization's Entra ID tenant id"));
        String clientId = g.clientId().or(() -> before.map(GraphStoreSettings::clientId))
                .orElseThrow(() -> new AdminException.BadRequest("an Exchange Online store needs ClientId, the app registration's application id"));
        GraphStoreSettings updated;
        try {
            updated = new GraphStoreSettings(tenantId.strip(), clientId.strip(), credential(g, before), graphUrl("GraphUrl", g.graphUrl())
                    .or(() -> before.map(GraphStoreSettings::graphUrl)).orElse(GraphStoreSettings.GRAPH), graphUrl("AuthorityUrl",
                    g.authorityUrl()).or(() -> before.map(GraphStoreSettings::authorityUrl)).orElse(GraphStoreSettings.AUTHORITY),
                    g.maxRequestsPerMailbox().or(() -> before.map(GraphStoreSettings::maxRequestsPerMailbox))
                            .orElse(GraphStoreSettings.MOST_PER_MAILBOX),
                    g.maxRequestsInFlight().or(() -> before.map(GraphStoreSettings::maxRequestsInFlight))
                            .orElse(GraphStoreSettings.DEFAULT_IN_FLIGHT));
        } catch (IllegalArgumentException e) {
            throw new AdminException.BadRequest(e.getMessage());
        }
        CalendarStoreSettings settings = CalendarStoreSettings.graph(updated);
        if (!c.skipValidation()) {
            // A token and one mailbox's calendar, so that a wrong secret or a missing consent is said now.
            checkStore.problem(settings, someMailbox(id))
                    .ifPresent(problem -> bad(problem + "; nothing was saved (SkipValidation saves anyway)"));
        }
        directory.saveCalendarStore(id, settings);
        return calendarStore(id);
    }

    /** The given client secret or certificate, exactly one of them; none given keeps the store's own. */
    private static GraphStoreSettings.Credential credential(Requests.GraphChange g, Optional<GraphStoreSettings> before) {
        if (g.clientSecret().isPresent() && g.certificate().isPresent()) {
            bad("give a client secret (ClientSecretFile) or a certificate (CertificateFile), not both");
        }
        if (g.certificatePassword().isPresent() && g.certificate().isEmpty()) {
            bad("CertificatePassword goes with the CertificateFile it opens; give both");
        }
        if (g.clientSecret().isPresent()) {
            String secret = g.clientSecret().orElseThrow().reveal();
            if (secret.isBlank() || secret.length() > FieldLimits.MOST_SECRET_CHARACTERS || secret.chars().anyMatch(Character::isISOControl)) {
                bad("the client secret must be one line of at most " + FieldLimits.MOST_SECRET_CHARACTERS + " characters");
            }
            return new GraphStoreSettings.ClientSecret(g.clientSecret().orElseThrow());
        }
        if (g.certificate().isPresent()) {
            byte[] file;
            try {
                file = java.util.Base64.getDecoder().decode(g.certificate().orElseThrow().reveal());
            } catch (IllegalArgumentException e) {
                throw new AdminException.BadRequest("Certificate must be the certificate file's bytes in base64");
            }
            // Read now, so that a wrong password or a file without its key is said at once, also with SkipValidation.
            ClientCertificate.read(file, g.certificatePassword());
            return GraphStoreSettings.Certificate.of(file, g.certificatePassword());
        }
        return before.map(GraphStoreSettings::credential).orElseThrow(() -> new AdminException.BadRequest(
                "an Exchange Online store needs a client secret (ClientSecretFile) or a certificate (CertificateFile)"));
    }

    private static Optional<URI> graphUrl(String field, Optional<String> value) {
        return value.map(v -> InputRules.serverUrl(field, v.strip()));
    }

    /** The UPN of one user whose calendar MMS reaches: whose mailbox the check reads. */
    @Override
    public Optional<String> testCalendarStore(TenantId id) {
        CalendarStoreSettings settings = directory.calendarStore(tenant(id).id());
        return settings.kind() == CalendarStoreSettings.Kind.EMBEDDED ? Optional.empty() : checkStore.problem(settings, someMailbox(id));
    }

    private Optional<String> someMailbox(TenantId tenant) {
        return directory.users(tenant).stream().filter(u -> u.mailbox() == MailboxLocation.REACHABLE).map(User::upn).findFirst();
    }

    private static boolean caldavTemplateElsewhere(CalendarStoreSettings s, String template) {
        if (s.kind() != CalendarStoreSettings.Kind.CALDAV || !template.matches("(?i)https?://.*")) {
            return false;
        }
        try {
            return !s.sameOrigin(URI.create(template.replace("{user}", "u").replace("{upn}", "u")));
        } catch (IllegalArgumentException notAUrl) {
            throw new AdminException.BadRequest("CalendarPath is not a valid link");
        }
    }

    private static String schedulingName(CalendarStoreSettings.Scheduling s) {
        return switch (s) {
            case AUTO -> "Auto";
            case SERVER_SCHEDULES -> "ServerSchedules";
            case MMS_SENDS -> "MmsSends";
        };
    }

    @Override
    public Views.DialInTenantSettings dialInTenantSettings(TenantId tenant) {
        TenantSettings s = tenant(tenant).settings();
        return new Views.DialInTenantSettings(s.automaticallyMigrateUserMeetings(), s.automaticallyReplaceAcpProvider());
    }

    @Override
    public Views.DialInTenantSettings setDialInTenantSettings(TenantId id, Requests.DialInTenantSettingsChange c) {
        refuseWhatIf("Set-CsOnlineDialInConferencingTenantSettings");
        Tenant t = tenant(id);
        TenantSettings s = t.settings();
        TenantSettings updated = new TenantSettings(s.meetingMigrationEnabled(),
                c.automaticallyMigrateUserMeetings().orElse(s.automaticallyMigrateUserMeetings()),
                c.automaticallyReplaceAcpProvider().orElse(s.automaticallyReplaceAcpProvider()), s.migrateOnSipAddressChange(),
                s.migrateOnMeetingUrlChange(), s.settleWindow(), s.attendeeLimit(), s.retryAttempts(), s.retryWindow(), s.retention(),
                s.onlineMeetingUrl(), s.onPremisesMeetingUrl(), s.teamsJoinUrlTemplate(), s.localNumbersUrl(), s.pinResetUrl(),
                s.helpUrl(), s.requireAddInProperties(), s.customFooter(), s.pacing());
        directory.saveTenant(t.withSettings(updated));
        return dialInTenantSettings(id);
    }

    @Override
    public List<Views.User> users(TenantId id, Optional<String> identity) {
        Tenant t = tenant(id);
        List<User> users = identity.isPresent() ? List.of(ApplyChanges.user(directory, t, identity.get()).value()) : directory.users(id);
        Map<String, String> bridgeNames = new HashMap<>();
        directory.bridges(id).forEach(b -> bridgeNames.put(b.id(), b.name()));
        return users.stream().map(u -> new Views.User(u.id().value(), u.upn(), u.sipAddress(), u.displayName(), List.copyOf(u.aliases()),
                Spelling.of(u.hosting()), u.pool().orElse(null), Spelling.of(u.mailbox()), Spelling.of(u.meetingType()),
                u.upgradeMode().policyName(), u.audio().licensed(), u.audio().enabled(), Spelling.of(u.audio().provider()),
                u.audio().bridgeId().map(bridgeNames::get).orElse(null), u.audio().tollNumber().orElse(null),
                u.audio().tollFreeNumber().orElse(null), u.audio().conferenceId().orElse(null), u.audio().publicMeetings(),
                u.audio().acpNumbers().stream().map(DialInNumber::e164).toList(), u.audio().acpConferenceId().orElse(null),
                u.locale().toLanguageTag(), u.objectId().orElse(null))).toList();
    }

    @Override
    public List<Views.Bridge> bridges(TenantId tenant) {
        return directory.bridges(tenant).stream().map(b -> new Views.Bridge(b.id(), b.name(), b.defaultNumber().orElse(null),
                b.numbers().stream().map(n -> new Views.ServiceNumber(n.number(), n.kind() == DialInNumber.Kind.TOLL ? "Toll" : "TollFree",
                        n.display(), n.city().orElse(null), b.defaultNumber().map(n.number()::equals).orElse(false))).toList())).toList();
    }

    @Override
    public Views.ChangeResult moveUser(TenantId id, String identity, Requests.MoveTarget target) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        ChangeUser.Changed changed = guard(() -> target.online() ? ChangeUser.moveToOnline(u.value())
                : ChangeUser.moveToPool(u.value(), target.pool().orElse("")));
        return changes("Move-CsUser", t, List.of(new ApplyChanges.Saved(changed, u.version())));
    }

    @Override
    public Views.ChangeResult setDialInConferencingUser(TenantId id, String identity, Requests.DialInUserChange change) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        Optional<Bridge> bridge = change.bridgeName().map(name -> directory.bridgeByName(id, name)
                .orElseThrow(() -> new AdminException.NotFound("no bridge " + name)));
        Optional<Bridge> current = u.value().audio().bridgeId().flatMap(directory::bridge);
        ChangeUser.Changed changed = guard(() -> ChangeUser.setDialIn(u.value(), new ChangeUser.DialInSettings(bridge,
                change.serviceNumber(), change.tollFreeServiceNumber(), change.conferenceId(), change.resetConferenceId()), current, random));
        return changes("Set-CsOnlineDialInConferencingUser", t, List.of(new ApplyChanges.Saved(changed, u.version())));
    }

    @Override
    public Views.ChangeResult enableDialInConferencing(TenantId id, String identity, boolean replaceProvider) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        return changes("Enable-CsOnlineDialInConferencingUser", t,
                List.of(new ApplyChanges.Saved(guard(() -> ChangeUser.enable(u.value(), replaceProvider)), u.version())));
    }

    @Override
    public Views.ChangeResult disableDialInConferencing(TenantId id, String identity) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        return changes("Disable-CsOnlineDialInConferencingUser", t,
                List.of(new ApplyChanges.Saved(ChangeUser.disable(u.value()), u.version())));
    }

    @Override
    public Views.ChangeResult setAudioConferencingLicence(TenantId id, String identity, boolean assigned) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        return changes("Set-CsAudioConferencingLicense", t,
                List.of(new ApplyChanges.Saved(ChangeUser.setLicence(u.value(), assigned, t.settings()), u.version())));
    }

    @Override
    public Views.ChangeResult unregisterServiceNumber(TenantId id, String number, String bridgeName, boolean removeDefault) {
        Tenant t = tenant(id);
        Bridge bridge = directory.bridgeByName(id, bridgeName).orElseThrow(() -> new AdminException.NotFound("no bridge " + bridgeName));
        String e164 = ReadDirectoryImport.e164(number);
        if (bridge.number(e164).isEmpty()) {
            throw new AdminException.NotFound(e164 + " is not a number of bridge " + bridge.name());
        }
        boolean isDefault = bridge.defaultNumber().map(e164::equals).orElse(false);
        if (isDefault && !removeDefault) {
            throw new AdminException.BadRequest(e164 + " is the default number of bridge " + bridge.name()
                    + "; add -RemoveDefaultServiceNumber to unassign it anyway");
        }
        List<ServiceNumber> remaining = bridge.numbers().stream().filter(n -> !n.number().equals(e164)).toList();
        Optional<String> newDefault = isDefault ? remaining.stream().filter(n -> n.kind() == DialInNumber.Kind.TOLL)
                .map(ServiceNumber::number).findFirst() : bridge.defaultNumber();
        Bridge after = new Bridge(bridge.id(), bridge.tenant(), bridge.name(), remaining, newDefault);
        if (!whatIf) {
            directory.saveBridge(after);
        }
        List<ApplyChanges.Saved> changes = new ArrayList<>();
        for (User user : directory.usersOnBridge(bridge.id())) {
            Directory.Versioned<User> u = directory.user(id, user.id()).orElseThrow();
            changes.add(new ApplyChanges.Saved(ChangeUser.numberUnassigned(u.value(), after, e164), u.version()));
        }
        return changes("Unregister-CsOnlineDialInConferencingServiceNumber", t, changes, Optional.of(after));
    }

    @Override
    public Views.ChangeResult setSipAddress(TenantId id, String identity, String sipAddress) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        return changes("Set-CsUser", t, List.of(new ApplyChanges.Saved(guard(() -> ChangeUser.setSipAddress(u.value(), sipAddress)),
                u.version())));
    }

    @Override
    public Views.ChangeResult updateTenantMeetingUrl(TenantId id) {
        Tenant t = tenant(id);
        String domain = t.domains().isEmpty() ? t.name() : t.domains().getFirst();
        URI vanity = URI.create("https://meet.lync.com/" + domain);
        TenantSettings s = t.settings();
        Tenant updated = t.withSettings(new TenantSettings(s.meetingMigrationEnabled(), s.automaticallyMigrateUserMeetings(),
                s.automaticallyReplaceAcpProvider(), s.migrateOnSipAddressChange(), s.migrateOnMeetingUrlChange(), s.settleWindow(),
                s.attendeeLimit(), s.retryAttempts(), s.retryWindow(), s.retention(), vanity, s.onPremisesMeetingUrl(),
                s.teamsJoinUrlTemplate(), s.localNumbersUrl(), s.pinResetUrl(), s.helpUrl(), s.requireAddInProperties(),
                s.customFooter(), s.pacing()));
        if (!whatIf) {
            directory.saveTenant(updated);
        }
        List<ApplyChanges.Saved> changes = new ArrayList<>();
        for (User user : directory.users(id)) {
            Directory.Versioned<User> u = directory.user(id, user.id()).orElseThrow();
            changes.add(new ApplyChanges.Saved(new ChangeUser.Changed(u.value(), u.value(),
                    List.of(new DirectoryChange.MeetingUrlUpdated(user.id()))), u.version()));
        }
        return changes("Update-CsTenantMeetingUrl", updated, changes);
    }

    @Override
    public Views.ChangeResult grantTeamsUpgradePolicy(TenantId id, String identity, Requests.TeamsUpgrade upgrade) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        return changes("Grant-CsTeamsUpgradePolicy", t,
                List.of(new ApplyChanges.Saved(guard(() -> ChangeUser.grantUpgrade(u.value(), upgrade.mode())), u.version())));
    }

    @Override
    public Views.ChangeResult startMigration(TenantId id, String identity, Requests.StartMigration start) {
        Tenant t = tenant(id);
        Directory.Versioned<User> u = ApplyChanges.user(directory, t, identity);
        DirectoryChange manual = new DirectoryChange.ManualMigration(u.value().id(), start.source(), start.target());
        return changes("Start-CsExMeetingMigration", t,
                List.of(new ApplyChanges.Saved(new ChangeUser.Changed(u.value(), u.value(), List.of(manual)), u.version())));
    }

    @Override
    public List<Views.MigrationStatus> migrationStatus(TenantId id, Requests.StatusQuery query) {
        return updatesWaiting.of(tenant(id).id(), status.list(tenant(id).id(), filter(id, query)).stream().map(Views.MigrationStatus::of).toList());
    }

    @Override
    public Views.UpdatesWaiting updatesWaiting(TenantId id) {
        return updatesWaiting.of(tenant(id).id());
    }

    @Override
    public Optional<Views.MigrationStatus> migration(TenantId id, String correlationId) {
        CorrelationId parsed;
        try {
            parsed = CorrelationId.parse(correlationId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return status.byCorrelationId(tenant(id).id(), parsed).map(Views.MigrationStatus::of);
    }

    @Override
    public List<Views.StateCount> migrationSummary(TenantId id, Requests.StatusQuery query) {
        return status.summary(tenant(id).id(), filter(id, query)).stream()
                .map(c -> new Views.StateCount(c.state().displayName(), c.userCount())).toList();
    }

    @Override
    public List<Views.MigrationStatus> approveMigrations(TenantId id, Requests.AwaitingMigrations which) {
        return verdict(id, which, "Approve-CsMeetingMigration", queue::approve, false);
    }

    @Override
    public List<Views.MigrationStatus> denyMigrations(TenantId id, Requests.AwaitingMigrations which) {
        return verdict(id, which, "Deny-CsMeetingMigration", queue::deny, true);
    }

    /**
     * The verdict on each migration {@code which} names: one by correlation id, the user's waiting one, or every waiting one.
     *
     * @param afterNotice a pending migration that waits after a notice to its organizer counts as waiting too (a denial)
     */
    private List<Views.MigrationStatus> verdict(TenantId id, Requests.AwaitingMigrations which, String operation, Verdict verdict,
            boolean afterNotice) {
        refuseWhatIf(operation);
        Tenant t = tenant(id);
        StatusFilter awaiting = StatusFilter.all().inState(MigrationState.AWAITING_APPROVAL);
        List<CorrelationId> chosen = switch (which.choice()) {
            case Requests.AwaitingMigrations.Choice.CORRELATION_ID -> {
                CorrelationId correlation = correlationId(which.correlationId().orElseThrow());
                MigrationRequest r = status.byCorrelationId(t.id(), correlation)
                        .orElseThrow(() -> new AdminException.NotFound("no migration " + correlation));
                yield List.of(r.correlationId());
            }
            case Requests.AwaitingMigrations.Choice.IDENTITY -> {
                User user = ApplyChanges.user(directory, t, which.identity().orElseThrow()).value();
                List<CorrelationId> waiting = new ArrayList<>(status.list(t.id(), awaiting.forUsers(Set.of(user.id()))).stream()
                        .map(MigrationRequest::correlationId).toList());
                if (afterNotice) {
                    status.list(t.id(), StatusFilter.all().inState(MigrationState.PENDING).forUsers(Set.of(user.id()))).stream()
                            .filter(r -> r.noticeSentAt().isPresent()).map(MigrationRequest::correlationId).forEach(waiting::add);
                }
                if (waiting.isEmpty()) {
                    throw new AdminException.NotFound("no migration of " + user.upn() + " is awaiting approval");
                }
                yield waiting;
            }
            case Requests.AwaitingMigrations.Choice.ALL ->
                    status.list(t.id(), awaiting).stream().map(MigrationRequest::correlationId).toList();
        };
        List<Views.MigrationStatus> decided = new ArrayList<>();
        for (CorrelationId c : chosen) {
            try {
                verdict.apply(t.id(), c, clock.instant()).map(Views.MigrationStatus::of).ifPresent(decided::add);
            } catch (IllegalStateChangeException e) {
                throw new AdminException.Conflict("migration " + c + " is " + e.from().displayName() + ", not AwaitingApproval"
                        + (afterNotice ? " nor Pending after a notice to its organizer" : ""));
            }
        }
        return decided;
    }

    @FunctionalInterface
    private interface Verdict {
        Optional<MigrationRequest> apply(TenantId tenant, CorrelationId correlationId, Instant now);
    }

    private static CorrelationId correlationId(String text) {
        try {
            return CorrelationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AdminException.BadRequest("not a correlation id: " + text);
        }
    }

    @Override
    public List<Views.MeetingResult> migrationMeetings(TenantId id, String correlationId) {
        try {
            if (status.byCorrelationId(tenant(id).id(), CorrelationId.parse(correlationId)).isEmpty()) {
                throw new AdminException.NotFound("no migration " + correlationId);
            }
        } catch (IllegalArgumentException e) {
            throw new AdminException.BadRequest("not a correlation id: " + correlationId);
        }
        return history.meetings(id, correlationId);
    }

    @Override
    public List<Views.MigrationTransition> migrationHistory(TenantId id, Requests.HistoryQuery query) {
        Tenant t = tenant(id);
        if (query.identity().isEmpty() && query.correlationId().isEmpty()) {
            throw new AdminException.BadRequest("name the user (-Identity) or the migration (-CorrelationId) whose history to show");
        }
        HistoryFilter filter = new HistoryFilter(query.identity().map(i -> ApplyChanges.user(directory, t, i).value().id()),
                query.correlationId().map(AdminService::correlationId), query.startTime(), query.endTime());
        return status.history(t.id(), filter).stream()
                .map(tr -> new Views.MigrationTransition(tr.correlationId().toString(), tr.user().value(), tr.upn(),
                        tr.type().displayName(), tr.from().map(MigrationState::displayName).orElse(""), tr.to().displayName(), tr.at(),
                        tr.attempt(), tr.retryCount(), tr.reason()))
                .toList();
    }

    @Override
    public List<Views.MeetingReport> migrationReport(TenantId id, Requests.ReportQuery query) {
        Tenant t = tenant(id);
        Optional<String> outcome = query.outcome().map(o -> switch (o.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "migrated", "unchanged", "skipped", "failed" -> o.strip().toUpperCase(java.util.Locale.ROOT);
            default -> throw new AdminException.BadRequest("Outcome must be Migrated, Unchanged, Skipped or Failed, not '" + o + "'");
        });
        return history.report(t.id(), new MeetingHistory.ReportFilter(
                query.identity().map(i -> ApplyChanges.user(directory, t, i).value().id()),
                query.correlationId().map(c -> correlationId(c).toString()), query.startTime(), query.endTime(), outcome));
    }

    @Override
    public Views.MigrationStatus undoMigration(TenantId id, Requests.Undo undo) {
        return Views.MigrationStatus.of(queueUndo.apply(tenant(id), undo));
    }

    @Override
    public Views.UndoPreview previewUndo(TenantId id, Requests.Undo undo) {
        QueueUndo.Targets targets = queueUndo.targets(tenant(id), undo);
        List<Views.UndoMeeting> meetings = org.mms.migration.PreviewUndo.of(calendars, new org.mms.calendar.Mailbox(id, targets.user()),
                history.writtenBy(id, targets.user(), targets.correlationIds()), clock.instant()).stream().map(m -> new Views.UndoMeeting(m.uid(),
                m.recurrenceId().orElse(null), m.summary(), m.start().orElse(null), m.outcome(), m.reason().orElse(null))).toList();
        int putBack = (int) meetings.stream().filter(m -> m.Outcome().equals("MIGRATED")).map(Views.UndoMeeting::Uid).distinct().count();
        int changedSince = (int) meetings.stream().filter(m -> m.Outcome().equals("SKIPPED")).map(Views.UndoMeeting::Uid).distinct().count();
        return new Views.UndoPreview(targets.user().value(), targets.upn(), targets.correlationIds(), putBack, changedSince, meetings);
    }

    @Override
    public List<Views.TriggerDecision> triggerDecisions(TenantId id, Optional<String> identity, Optional<Instant> since) {
        Tenant t = tenant(id);
        Optional<UserId> user = identity.map(i -> ApplyChanges.user(directory, t, i).value().id());
        return decisions.list(id, user, since, 10_000);
    }

    @Override
    public Views.ImportResult importDirectory(TenantId id, java.io.InputStream json) {
        refuseWhatIf("Import-CsDirectory");
        Tenant tenant = tenant(id);
        ReadDirectoryImport.Document document = ReadDirectoryImport.from(json);
        CalendarUrls.checkOrigins(directory.calendarStore(tenant.id()), document.users());
        return new ImportDirectory(directory).apply(tenant, document);
    }

    @Override
    public Views.ImportResult importCalendar(TenantId id, String identity, byte[] ics) {
        refuseWhatIf("Import-CsCalendar");
        User user = ApplyChanges.user(directory, tenant(id), identity).value();
        return importCalendar.apply(user, ics);
    }

    @Override
    public Admin.CalendarExport exportCalendar(TenantId id, String identity) {
        User user = ApplyChanges.user(directory, tenant(id), identity).value();
        org.mms.calendar.Mailbox mailbox = new org.mms.calendar.Mailbox(id, user.id());
        List<CalendarObject> stored = new ArrayList<>();
        calendars.forEachCandidate(mailbox, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 500,
                resource -> stored.add(new CalendarObject(CalendarObject.uidOf(resource.data()), resource.ref(), resource.data())));
        return new Admin.CalendarExport(stored.size(), JoinCalendar.of(frames.of(mailbox), stored));
    }

    @Override
    public Views.OnlineMeeting addOnlineMeeting(TenantId id, String identity, Requests.NewOnlineMeeting meeting) {
        refuseWhatIf("New-CsOnlineMeeting");
        Tenant t = tenant(id);
        User user = ApplyChanges.user(directory, t, identity).value();
        return addOnlineMeeting.apply(t, user, meeting);
    }

    private StatusFilter filter(TenantId id, Requests.StatusQuery q) {
        StatusFilter filter = StatusFilter.all();
        if (q.identity().isPresent()) {
            filter = filter.forUsers(Set.of(ApplyChanges.user(directory, tenant(id), q.identity().get()).value().id()));
        }
        if (q.state().isPresent()) {
            filter = filter.inState(MigrationState.byDisplayName(q.state().get()).orElseThrow(() -> new AdminException.BadRequest(
                    "State must be Pending, AwaitingApproval, InProgress, Failed, Succeeded or Denied, not " + q.state().get())));
        }
        return filter.createdBetween(q.startTime(), q.endTime());
    }

    private static <T> T guard(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ChangeUser.InvalidChangeException e) {
            throw new AdminException.BadRequest(e.getMessage());
        }
    }

    private static void bad(String message) {
        throw new AdminException.BadRequest(message);
    }
}
