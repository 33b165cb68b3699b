package org.mms.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mms.admin.Admin;
import org.mms.admin.AdminException;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.directory.TenantId;

/**
 * An in-memory {@link Admin} for testing the adapters: it records every call with its tenant and
 * arguments and answers with canned views. Each tenant has one user, {@code alice@<tenant>.example},
 * so a test can tell whose data came back. It does no business logic; the real facade's own tests do.
 */
public final class StubAdmin implements Admin {

    /** One call: the operation's method name, the caller's tenant, the remaining arguments. */
    public record Call(String operation, TenantId tenant, List<Object> arguments) {
        public Object argument(int i) {
            return arguments.get(i);
        }
    }

    public static final Instant CREATED = Instant.parse("2026-10-01T08:00:00.1442688Z");
    public static final Instant MODIFIED = Instant.parse("2026-10-01T08:12:30Z");

    private final List<Call> calls;
    private final Map<String, RuntimeException> failures;
    private volatile Gate gate;
    /** This is the {@link #whatIf()} view: change operations are recorded as {@code whatIf:<operation>} and answer a preview. */
    private final boolean previewing;

    public StubAdmin() {
        this(new CopyOnWriteArrayList<>(), new ConcurrentHashMap<>(), false);
    }

    private StubAdmin(List<Call> calls, Map<String, RuntimeException> failures, boolean previewing) {
        this.calls = calls;
        this.failures = failures;
        this.previewing = previewing;
    }

    private record Gate(String operation, CountDownLatch entered, CountDownLatch release) {
    }

    /** Forgets the calls, failures and held operations, for the next test on a shared server. */
    public void reset() {
        calls.clear();
        failures.clear();
        gate = null;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The only call made; fails the test when there were none or several. */
    public Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one call to the admin facade, got " + calls);
        }
        return calls.getFirst();
    }

    /** From now on {@code operation} throws {@code failure}. */
    public void fail(String operation, RuntimeException failure) {
        failures.put(operation, failure);
    }

    /** {@code operation} signals {@code entered} and then waits for {@code release}: a request kept in flight. */
    public void hold(String operation, CountDownLatch entered, CountDownLatch release) {
        gate = new Gate(operation, entered, release);
    }

    public static String upn(TenantId tenant) {
        return "alice@" + tenant.value() + ".example";
    }

    public static Views.User user(TenantId tenant) {
        return new Views.User("6f1c2a8e-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", Math.abs(tenant.hashCode()) % 1_000_000),
                upn(tenant), "sip:" + upn(tenant), "Alice Smith", List.of("alice.smith@" + tenant.value() + ".example"), "online", null,
                "reachable", "teams", "TeamsOnly", true, true, "microsoft", "Conference Bridge", "+14255550100", "+18005550100", "8675309",
                true, List.of(), null, "en-US", null);
    }

    public static Views.TriggerDecision decision(TenantId tenant, String change) {
        return new Views.TriggerDecision(user(tenant).UserId(), upn(tenant), change, "", "Migrate", "AllToTeams",
                "moved to the online service", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f", MODIFIED);
    }

    private Object record(String operation, TenantId tenant, Object... arguments) {
        calls.add(new Call(operation, tenant, Arrays.asList(arguments)));
        Gate g = gate;
        if (g != null && g.operation().equals(operation)) {
            g.entered().countDown();
            try {
                if (!g.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held request was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        RuntimeException failure = failures.get(operation);
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    private Views.ChangeResult changed(String operation, TenantId tenant, String change, Object... arguments) {
        if (previewing) {
            record("whatIf:" + operation, tenant, arguments);
            return new Views.ChangeResult(operation, List.of(decision(tenant, change)), List.of(preview(tenant)));
        }
        record(operation, tenant, arguments);
        return new Views.ChangeResult(operation, List.of(decision(tenant, change)));
    }

    /** A preview with one meeting of each outcome; the migrated one's title tries to write to the terminal. */
    public static Views.UserPreview preview(TenantId tenant) {
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        return new Views.UserPreview(user(tenant).UserId(), upn(tenant), "AllToTeams", false, 3, 1, 2, 1, 1, 4, List.of(
                new Views.MeetingPreview("uid-1", null, "Weekly sync\033[2J", start, "MIGRATED", null, "add-in properties", 4,
                        List.of("  ....", "- https://meet.lync.com/contoso/alice/OLD", "+ https://teams.microsoft.com/l/meetup-join/NEW")),
                new Views.MeetingPreview("uid-2", null, "Board meeting", start, "SKIPPED", "TOO_MANY_ATTENDEES", "300 people", 0, List.of()),
                new Views.MeetingPreview("uid-3", null, "Broken", start, "FAILED", "END_FENCE_MISSING", "no end fence", 0, List.of())));
    }

    @Override
    public Admin whatIf() {
        return new StubAdmin(calls, failures, true);
    }

    @Override
    public List<Views.MigrationStatus> approveMigrations(TenantId tenant, Requests.AwaitingMigrations which) {
        record("approveMigrations", tenant, which);
        return List.of(status(tenant, "Pending"));
    }

    @Override
    public List<Views.MigrationStatus> denyMigrations(TenantId tenant, Requests.AwaitingMigrations which) {
        record("denyMigrations", tenant, which);
        return List.of(status(tenant, "Denied"));
    }

    private static Views.MigrationStatus status(TenantId tenant, String state) {
        return new Views.MigrationStatus(user(tenant).UserId(), upn(tenant), "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f", "AllToTeams", state,
                3, 0, 0, 1, 0, "", CREATED, MODIFIED);
    }

    private static Views.MigrationConfiguration defaults() {
        return new Views.MigrationConfiguration(true, 600, 250, 9, 86_400, 150, false, false, false, null, null, false, null,
                0, null, null, null, 0);
    }

    @Override
    public Views.MigrationConfiguration migrationConfiguration(TenantId tenant) {
        record("migrationConfiguration", tenant);
        return defaults();
    }

    @Override
    public Views.MigrationConfiguration setMigrationConfiguration(TenantId tenant, Requests.MigrationConfigurationChange change) {
        record("setMigrationConfiguration", tenant, change);
        Views.MigrationConfiguration d = defaults();
        return new Views.MigrationConfiguration(change.meetingMigrationEnabled().orElse(d.MeetingMigrationEnabled()),
                change.settleWindowSeconds().orElse(d.SettleWindowSeconds()), change.attendeeLimit().orElse(d.AttendeeLimit()),
                change.retryAttempts().orElse(d.RetryAttempts()), change.retryWindowSeconds().orElse(d.RetryWindowSeconds()),
                change.retentionDays().orElse(d.RetentionDays()), change.migrateOnSipAddressChange().orElse(d.MigrateOnSipAddressChange()),
                change.migrateOnMeetingUrlChange().orElse(d.MigrateOnMeetingUrlChange()),
                change.requireAddInProperties().orElse(d.RequireAddInProperties()), change.customFooterText().orElse(null),
                change.customFooterHtml().orElse(null), change.requireApproval().orElse(d.RequireApproval()),
                change.approvalThresholdMeetings().filter(v -> v.matches("[0-9]+")).map(Integer::valueOf).orElse(null),
                change.pacing().maxUpdatesPerHour().orElse(d.MaxUpdatesPerHour()), change.pacing().quietHoursStart().orElse(null),
                change.pacing().quietHoursEnd().orElse(null), change.pacing().quietHoursTimeZone().orElse(null),
                change.pacing().notifyOrganizerBeforeMinutes().orElse(d.NotifyOrganizerBeforeMinutes()));
    }

    @Override
    public Views.DialInTenantSettings dialInTenantSettings(TenantId tenant) {
        record("dialInTenantSettings", tenant);
        return new Views.DialInTenantSettings(true, false);
    }

    @Override
    public Views.DialInTenantSettings setDialInTenantSettings(TenantId tenant, Requests.DialInTenantSettingsChange change) {
        record("setDialInTenantSettings", tenant, change);
        return new Views.DialInTenantSettings(change.automaticallyMigrateUserMeetings().orElse(true),
                change.automaticallyReplaceAcpProvider().orElse(false));
    }

    @Override
    public List<Views.User> users(TenantId tenant, Optional<String> identity) {
        record("users", tenant, identity);
        Views.User alice = user(tenant);
        if (identity.isPresent() && !identity.get().equalsIgnoreCase(alice.UserPrincipalName())) {
            throw new AdminException.NotFound("no user '" + identity.get() + "' in this tenant");
        }
        return List.of(alice);
    }

    @Override
    public List<Views.Bridge> bridges(TenantId tenant) {
        record("bridges", tenant);
        return List.of(new Views.Bridge("9a0e7c55-2d64-4b1e-8f3a-5c6d7e8f9a0b", "Conference Bridge", "+14255550100", List.of(
                new Views.ServiceNumber("+14255550100", "Toll", "+1 (425) 555-0100", "Redmond", true),
                new Views.ServiceNumber("+18005550100", "TollFree", "+1 (800) 555-0100", null, false))));
    }

    @Override
    public Views.ChangeResult moveUser(TenantId tenant, String identity, Requests.MoveTarget target) {
        return changed("moveUser", tenant, "MovedOnline", identity, target);
    }

    @Override
    public Views.ChangeResult setDialInConferencingUser(TenantId tenant, String identity, Requests.DialInUserChange change) {
        return changed("setDialInConferencingUser", tenant, "BridgeChanged", identity, change);
    }

    @Override
    public Views.ChangeResult enableDialInConferencing(TenantId tenant, String identity, boolean replaceProvider) {
        return changed("enableDialInConferencing", tenant, "AudioConferencingEnabled", identity, replaceProvider);
    }

    @Override
    public Views.ChangeResult disableDialInConferencing(TenantId tenant, String identity) {
        return changed("disableDialInConferencing", tenant, "AudioConferencingDisabled", identity);
    }

    @Override
    public Views.ChangeResult setAudioConferencingLicence(TenantId tenant, String identity, boolean assigned) {
        return changed("setAudioConferencingLicence", tenant, "LicenceAssigned", identity, assigned);
    }

    @Override
    public Views.ChangeResult unregisterServiceNumber(TenantId tenant, String number, String bridgeName, boolean removeDefault) {
        return changed("unregisterServiceNumber", tenant, "ServiceNumberUnassigned", number, bridgeName, removeDefault);
    }

    @Override
    public Views.ChangeResult setSipAddress(TenantId tenant, String identity, String sipAddress) {
        return changed("setSipAddress", tenant, "SipAddressChanged", identity, sipAddress);
    }

    @Override
    public Views.ChangeResult updateTenantMeetingUrl(TenantId tenant) {
        record(previewing ? "whatIf:updateTenantMeetingUrl" : "updateTenantMeetingUrl", tenant);
        return new Views.ChangeResult("updateTenantMeetingUrl", List.of(), previewing ? List.of(preview(tenant)) : List.of());
    }

    @Override
    public Views.ChangeResult grantTeamsUpgradePolicy(TenantId tenant, String identity, Requests.TeamsUpgrade upgrade) {
        return changed("grantTeamsUpgradePolicy", tenant, "TeamsUpgradePolicyGranted", identity, upgrade);
    }

    @Override
    public Views.ChangeResult startMigration(TenantId tenant, String identity, Requests.StartMigration start) {
        return changed("startMigration", tenant, "ManualStart", identity, start);
    }

    @Override
    public List<Views.MigrationStatus> migrationStatus(TenantId tenant, Requests.StatusQuery query) {
        record("migrationStatus", tenant, query);
        String id = user(tenant).UserId();
        List<Views.MigrationStatus> rows = new ArrayList<>();
        rows.add(new Views.MigrationStatus(id, upn(tenant), "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f", "AllToTeams", "Succeeded",
                12, 12, 0, 12, 0, "", CREATED, MODIFIED));
        rows.add(new Views.MigrationStatus(id, upn(tenant), "5d4c3b2a-1908-4f7e-8d6c-5b4a39281706", "SfbToTeams", "Failed",
                3, 1, 2, 1, 9, "the calendar store refused the update (503)", CREATED, MODIFIED));
        return rows.stream().filter(r -> query.state().map(s -> s.equalsIgnoreCase(r.State())).orElse(true)).toList();
    }

    @Override
    public List<Views.StateCount> migrationSummary(TenantId tenant, Requests.StatusQuery query) {
        record("migrationSummary", tenant, query);
        // The example rows of the original service's documentation.
        return List.of(new Views.StateCount("Pending", 21), new Views.StateCount("InProgress", 6),
                new Views.StateCount("Failed", 2), new Views.StateCount("Succeeded", 131));
    }

    @Override
    public Views.UpdatesWaiting updatesWaiting(TenantId tenant) {
        record("updatesWaiting", tenant);
        return new Views.UpdatesWaiting(40, Instant.parse("2026-11-24T05:30:00Z"));
    }

    @Override
    public List<Views.MeetingResult> migrationMeetings(TenantId tenant, String correlationId) {
        record("migrationMeetings", tenant, correlationId);
        if (!correlationId.equals("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f")) {
            throw new AdminException.NotFound("no migration " + correlationId);
        }
        return List.of(
                new Views.MeetingResult(correlationId, "040000008200E00074C5B7101A82E008000000001", null, "Weekly sync",
                        Instant.parse("2026-12-01T09:00:00Z"), "Migrated", null, null, MODIFIED),
                new Views.MeetingResult(correlationId, "040000008200E00074C5B7101A82E008000000002", null, "All hands",
                        Instant.parse("2026-12-02T16:00:00Z"), "Skipped", "TOO_MANY_ATTENDEES", "312 attendees; the limit is 250", MODIFIED));
    }

    @Override
    public List<Views.MigrationTransition> migrationHistory(TenantId tenant, Requests.HistoryQuery query) {
        record("migrationHistory", tenant, query);
        String id = user(tenant).UserId();
        String correlation = "5d4c3b2a-1908-4f7e-8d6c-5b4a39281706";
        return List.of(
                new Views.MigrationTransition(correlation, id, upn(tenant), "SfbToTeams", "", "Pending", CREATED, 0, 0,
                        "queued by Move-CsUser; due 2026-10-01T08:10:00Z"),
                new Views.MigrationTransition(correlation, id, upn(tenant), "SfbToTeams", "Pending", "InProgress", MODIFIED, 1, 0,
                        "claimed by host-a/worker-1, attempt 1"),
                new Views.MigrationTransition(correlation, id, upn(tenant), "SfbToTeams", "InProgress", "Pending", MODIFIED, 1, 1,
                        "retry 1 due 2026-10-01T08:17:30Z: the calendar store refused the update (503)"));
    }

    @Override
    public Views.UndoPreview previewUndo(TenantId tenant, Requests.Undo undo) {
        record("previewUndo", tenant, undo);
        return new Views.UndoPreview(user(tenant).UserId(), upn(tenant), List.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"), 1, 0,
                List.of(new Views.UndoMeeting("uid-1", null, "Weekly", CREATED, "MIGRATED", null)));
    }

    @Override
    public Views.MigrationStatus undoMigration(TenantId tenant, Requests.Undo undo) {
        record("undoMigration", tenant, undo);
        return new Views.MigrationStatus(user(tenant).UserId(), upn(tenant), "7e6d5c4b-3a29-4f18-9e07-d6c5b4a39281", "Undo", "Pending",
                0, 0, 0, 0, 0, "", CREATED, CREATED);
    }

    @Override
    public List<Views.MeetingReport> migrationReport(TenantId tenant, Requests.ReportQuery query) {
        record("migrationReport", tenant, query);
        String correlation = "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f";
        return List.of(
                new Views.MeetingReport(correlation, "SfbToTeams", upn(tenant), "040000008200E00074C5B7101A82E008000000001", null,
                        "=HYPERLINK(\"https://evil.example\",\"Weekly, \"\"sync\"\"\")", Instant.parse("2026-12-01T09:00:00Z"),
                        "Migrated", "", "https://meet.contoso.com/alice/6N2YGD5G",
                        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0", "68138", "539145064", "42", "Sent",
                        MODIFIED),
                new Views.MeetingReport(correlation, "SfbToTeams", upn(tenant), "040000008200E00074C5B7101A82E008000000002", null,
                        "All hands\nsecond line", Instant.parse("2026-12-02T16:00:00Z"), "Skipped", "TooManyAttendees", "", "", "", "",
                        "", "", MODIFIED));
    }

    @Override
    public List<Views.TriggerDecision> triggerDecisions(TenantId tenant, Optional<String> identity, Optional<Instant> since) {
        record("triggerDecisions", tenant, identity, since);
        return List.of(decision(tenant, "MovedOnline"));
    }

    @Override
    public Views.ImportResult importDirectory(TenantId tenant, java.io.InputStream json) {
        try {
            record("importDirectory", tenant, new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Views.ImportResult("directory", 3, 1, 0, List.of("bridge 'Conference Bridge' created"));
    }

    @Override
    public Views.ImportResult importCalendar(TenantId tenant, String identity, byte[] ics) {
        record("importCalendar", tenant, identity, ics);
        return new Views.ImportResult("calendar", 25, 0, 0, List.of());
    }

    @Override
    public Views.CalendarStore calendarStore(TenantId tenant) {
        record("calendarStore", tenant);
        return new Views.CalendarStore("CalDav", "https://dav." + tenant.value() + ".example/", "/{user}/calendar/", "mms", true, "Auto", false,
                null, null, null, null, null, null, null, null, null);
    }

    @Override
    public Views.CalendarStore setCalendarStore(TenantId tenant, Requests.CalendarStoreChange change) {
        record("setCalendarStore", tenant, change);
        return calendarStore(tenant);
    }

    @Override
    public java.util.Optional<Views.MigrationStatus> migration(TenantId tenant, String correlationId) {
        record("migration", tenant, correlationId);
        return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> testCalendarStore(TenantId tenant) {
        record("testCalendarStore", tenant);
        return java.util.Optional.empty();
    }

    @Override
    public Admin.CalendarExport exportCalendar(TenantId tenant, String identity) {
        record("exportCalendar", tenant, identity);
        return new Admin.CalendarExport(1, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public Views.OnlineMeeting addOnlineMeeting(TenantId tenant, String identity, Requests.NewOnlineMeeting meeting) {
        record("addOnlineMeeting", tenant, identity, meeting);
        return new Views.OnlineMeeting("mms-7d2e@" + tenant.value() + ".example", upn(tenant),
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0", "Teams", Optional.of("8675309"),
                meeting.attendees().size());
    }
}
