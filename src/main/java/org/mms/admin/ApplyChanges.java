package org.mms.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mms.calendar.CalendarStoreException;
import org.mms.detection.DecideTrigger;
import org.mms.detection.TriggerDecision;
import org.mms.directory.ApprovalSettings;
import org.mms.directory.Bridge;
import org.mms.directory.ChangeUser;
import org.mms.directory.Directory;
import org.mms.directory.DirectoryChange;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.migration.HoldForApproval;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.MigrationType;
import org.mms.migration.PreviewMigration;
import org.mms.queue.ApprovalHold;
import org.mms.queue.Enqueued;
import org.mms.queue.MergeMigrationTypes;
import org.mms.queue.MigrationQueue;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationState;
import org.mms.queue.MigrationStatusQueries;
import org.mms.queue.RequestedChange;
import org.mms.queue.StatusFilter;

/**
 * What every directory operation ends with: the users saved, each change put to the trigger policy,
 * a migration queued where it says so (waiting for approval when the tenant's approval settings say so),
 * and every decision recorded with its reason. Or, with {@code -WhatIf}, what it would end with.
 */
final class ApplyChanges {

    /** A changed user, with the version it was read at. */
    record Saved(ChangeUser.Changed changed, long version) {
    }

    private final Directory directory;
    private final DecideTrigger policy;
    private final MigrationQueue queue;
    private final MigrationStatusQueries status;
    private final DecisionLog log;
    private final Clock clock;
    private final PreviewMigration preview;

    ApplyChanges(Directory directory, DecideTrigger policy, MigrationQueue queue, MigrationStatusQueries status, DecisionLog log,
            Clock clock, PreviewMigration preview) {
        this.directory = directory;
        this.policy = policy;
        this.queue = queue;
        this.status = status;
        this.log = log;
        this.clock = clock;
        this.preview = preview;
    }

    Views.ChangeResult apply(String operation, Tenant tenant, List<Saved> changes) {
        Instant now = clock.instant();
        List<Views.TriggerDecision> decisions = new ArrayList<>();
        for (Saved s : changes) {
            ChangeUser.Changed c = s.changed();
            if (!c.after().equals(c.before())) {
                try {
                    directory.updateUser(c.after(), s.version());
                } catch (Directory.ConcurrentUpdateException e) {
                    throw new AdminException.Conflict(e.getMessage());
                }
            }
            if (c.changes().isEmpty()) {
                decisions.add(noChange(c.after(), operation, now));
            }
            for (DirectoryChange change : c.changes()) {
                decisions.add(decide(tenant, c.before(), c.after(), change, now));
            }
        }
        decisions.forEach(d -> log.record(tenant.id(), d));
        return new Views.ChangeResult(operation, decisions);
    }

    /**
     * {@code -WhatIf}: the same decisions, and for each user whose meetings would be migrated, what the migration would do,
     * read from the calendar store; nothing is saved, queued or recorded.
     *
     * @param changedBridge the bridge the operation changes, as it would be afterwards (it is not saved either)
     */
    Views.ChangeResult preview(String operation, Tenant tenant, List<Saved> changes, Optional<Bridge> changedBridge) {
        Instant now = clock.instant();
        ApprovalSettings approval = directory.approvalSettings(tenant.id());
        List<Views.TriggerDecision> decisions = new ArrayList<>();
        List<Views.UserPreview> previews = new ArrayList<>();
        for (Saved s : changes) {
            ChangeUser.Changed c = s.changed();
            if (c.changes().isEmpty()) {
                decisions.add(noChange(c.after(), operation, now));
            }
            Optional<MigrationType> type = Optional.empty();
            for (DirectoryChange change : c.changes()) {
                TriggerDecision decision = policy.decide(change, c.before(), c.after(), tenant.settings());
                if (decision instanceof TriggerDecision.Queue q) {
                    type = Optional.of(type.map(t -> MergeMigrationTypes.merge(t, q.type())).orElse(q.type()));
                }
                decisions.add(view(c.after(), kind(change), describe(change), decision.label(),
                        decision instanceof TriggerDecision.Queue q ? q.type().displayName() : null, reason(decision), null, now));
            }
            type.ifPresent(t -> {
                Optional<MigrationRequest> active = activeRequest(tenant, c.after());
                MigrationType runs = typeItWouldRun(active, t);
                PreviewMigration.Preview p = preview.preview(new MigrateOrganizer.Request(tenant, c.after(),
                        bridgeOf(c.after(), changedBridge), runs, "what-if"));
                boolean waits = HoldForApproval.of(approval, p, awaitsApproval(active)).isPresent();
                previews.add(PreviewViews.of(c.after(), runs, waits, p));
            });
        }
        return new Views.ChangeResult(operation, decisions, previews);
    }

    private Views.TriggerDecision decide(Tenant tenant, User before, User after, DirectoryChange change, Instant now) {
        TriggerDecision decision = policy.decide(change, before, after, tenant.settings());
        String correlation = null;
        String type = null;
        if (decision instanceof TriggerDecision.Queue q) {
            Enqueued enqueued = queue.enqueue(tenant.id(), after.id(), new RequestedChange(after.upn(), q.type(), describe(change),
                    tenant.settings().settleWindow()), now, hold(tenant, after, q.type()));
            correlation = switch (enqueued) {
                case Enqueued.New n -> n.request().correlationId().value().toString();
                case Enqueued.CoalescedIntoPending p -> p.request().correlationId().value().toString();
                case Enqueued.FollowUpQueued f -> f.request().correlationId().value().toString();
            };
            type = q.type().displayName();
        }
        return view(after, kind(change), describe(change), decision.label(), type, reason(decision), correlation, now);
    }

    /**
     * Whether the migration waits for an admin, and with what preview: only computed when the tenant has approval
     * settings. A request that already waits keeps waiting, with the preview brought up to date. When the calendar
     * cannot be read for the preview, the migration waits: an admin decides rather than a guess.
     */
    private Optional<ApprovalHold> hold(Tenant tenant, User after, MigrationType type) {
        ApprovalSettings approval = directory.approvalSettings(tenant.id());
        if (!approval.anyApproval()) {
            return Optional.empty();
        }
        Optional<MigrationRequest> active = activeRequest(tenant, after);
        try {
            PreviewMigration.Preview p = preview.preview(new MigrateOrganizer.Request(tenant, after,
                    bridgeOf(after, Optional.empty()), typeItWouldRun(active, type), "approval"));
            return HoldForApproval.of(approval, p, awaitsApproval(active));
        } catch (CalendarStoreException e) {
            return Optional.of(HoldForApproval.withoutPreview(e.getMessage()));
        }
    }

    /** The user's pending, waiting or running request, if any. */
    private Optional<MigrationRequest> activeRequest(Tenant tenant, User user) {
        return status.list(tenant.id(), StatusFilter.all().forUsers(Set.of(user.id()))).stream()
                .filter(r -> r.state().isActive()).findFirst();
    }

    /** What the migration would run with once the change joined the user's active request (or its follow-up). */
    private static MigrationType typeItWouldRun(Optional<MigrationRequest> active, MigrationType type) {
        return active.map(r -> switch (r.state()) {
            case IN_PROGRESS -> r.followUp().map(f -> MergeMigrationTypes.merge(f.type(), type)).orElse(type);
            default -> MergeMigrationTypes.merge(r.type(), type);
        }).orElse(type);
    }

    private static boolean awaitsApproval(Optional<MigrationRequest> active) {
        return active.filter(r -> r.state() == MigrationState.AWAITING_APPROVAL).isPresent();
    }

    private Optional<Bridge> bridgeOf(User user, Optional<Bridge> changedBridge) {
        return user.audio().bridgeId().flatMap(id -> changedBridge.filter(b -> b.id().equals(id)).or(() -> directory.bridge(id)));
    }

    private static Views.TriggerDecision noChange(User user, String operation, Instant now) {
        return view(user, operation, "no change", "NoMigration", null, "nothing changed for " + user.upn() + ", so nothing is migrated",
                null, now);
    }

    private static String reason(TriggerDecision d) {
        return switch (d) {
            case TriggerDecision.Queue q -> q.reason();
            case TriggerDecision.NoMigration n -> n.reason();
            case TriggerDecision.NotSupported n -> n.reason();
        };
    }

    private static Views.TriggerDecision view(User user, String change, String detail, String decision, String type, String reason,
            String correlation, Instant now) {
        return new Views.TriggerDecision(user.id().value(), user.upn(), change, detail, decision, type, reason, correlation, now);
    }

    static String kind(DirectoryChange change) {
        return change.getClass().getSimpleName();
    }

    static String describe(DirectoryChange change) {
        return switch (change) {
            case DirectoryChange.MovedToOnline m -> "moved online" + m.fromPool().map(p -> " from " + p).orElse("");
            case DirectoryChange.MovedToOnPremises m -> "moved to pool " + m.pool();
            case DirectoryChange.LicenceAssigned l -> "audio-conferencing licence assigned";
            case DirectoryChange.LicenceRemoved l -> "audio-conferencing licence removed";
            case DirectoryChange.AudioConferencingEnabled e -> "audio conferencing enabled" + (e.replacedProvider() ? ", provider replaced by Microsoft" : "");
            case DirectoryChange.AudioConferencingDisabled d -> "audio conferencing disabled";
            case DirectoryChange.ConferenceIdChanged c -> c.reset() ? "conference ID reset" : "conference ID changed";
            case DirectoryChange.BridgeChanged b -> "moved to bridge " + b.toBridge();
            case DirectoryChange.DefaultNumberChanged d -> "default " + (d.kind().name().equals("TOLL") ? "toll" : "toll-free") + " number "
                    + d.from().orElse("(none)") + " -> " + d.to().orElse("(none)");
            case DirectoryChange.ServiceNumberUnassigned s -> s.number() + " unassigned from bridge " + s.bridge();
            case DirectoryChange.SipAddressChanged s -> "SIP address " + s.from() + " -> " + s.to();
            case DirectoryChange.MeetingUrlUpdated m -> "tenant meeting URL updated";
            case DirectoryChange.TeamsUpgradeGranted t -> "TeamsUpgradePolicy " + t.mode();
            case DirectoryChange.ManualMigration m -> "Start-CsExMeetingMigration -SourceMeetingType " + m.source() + " -TargetMeetingType " + m.target();
        };
    }

    /** A user an identity names in the tenant, or {@link AdminException.NotFound}. */
    static Directory.Versioned<User> user(Directory directory, Tenant tenant, String identity) {
        InputRules.name("Identity", identity);
        Optional<Directory.Versioned<User>> found = directory.findUser(tenant.id(), identity);
        return found.orElseThrow(() -> new AdminException.NotFound("no user " + identity + " in tenant " + tenant.name()));
    }
}
