package org.mms.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.detection.DecideTrigger;
import org.mms.detection.TriggerDecision;
import org.mms.directory.ChangeUser;
import org.mms.directory.Directory;
import org.mms.directory.DirectoryChange;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.queue.Enqueued;
import org.mms.queue.MigrationQueue;

/**
 * What every directory operation ends with: the users saved, each change put to the trigger policy,
 * a migration queued where it says so, and every decision recorded with its reason.
 */
final class ApplyChanges {

    /** A changed user, with the version it was read at. */
    record Saved(ChangeUser.Changed changed, long version) {
    }

    private final Directory directory;
    private final DecideTrigger policy;
    private final MigrationQueue queue;
    private final DecisionLog log;
    private final Clock clock;

    ApplyChanges(Directory directory, DecideTrigger policy, MigrationQueue queue, DecisionLog log, Clock clock) {
        this.directory = directory;
        this.policy = policy;
        this.queue = queue;
        this.log = log;
        this.clock = clock;
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
                decisions.add(view(c.after(), operation, "no change", "NoMigration", null,
                        "nothing changed for " + c.after().upn() + ", so nothing is migrated", null, now));
            }
            for (DirectoryChange change : c.changes()) {
                decisions.add(decide(tenant, c.before(), c.after(), change, now));
            }
        }
        decisions.forEach(d -> log.record(tenant.id(), d));
        return new Views.ChangeResult(operation, decisions);
    }

    private Views.TriggerDecision decide(Tenant tenant, User before, User after, DirectoryChange change, Instant now) {
        TriggerDecision decision = policy.decide(change, before, after, tenant.settings());
        String correlation = null;
        String type = null;
        if (decision instanceof TriggerDecision.Queue q) {
            Enqueued enqueued = queue.enqueue(tenant.id(), after.id(), after.upn(), q.type(), describe(change), now,
                    tenant.settings().settleWindow());
            correlation = switch (enqueued) {
                case Enqueued.New n -> n.request().correlationId().value().toString();
                case Enqueued.CoalescedIntoPending p -> p.request().correlationId().value().toString();
                case Enqueued.FollowUpQueued f -> f.request().correlationId().value().toString();
            };
            type = q.type().displayName();
        }
        return view(after, kind(change), describe(change), decision.label(), type, reason(decision), correlation, now);
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
