package org.mms.detection;

import java.util.Objects;
import java.util.Optional;
import org.mms.migration.MigrationType;

/**
 * What the trigger policy decided for one change to one user, with the sentence an admin reads in
 * {@code Get-CsMeetingMigrationTriggerDecision}.
 */
public sealed interface TriggerDecision {

    /** Why, as a sentence about this user: specific enough to act on. */
    String reason();

    /** The decision as the status output names it: {@code Queue}, {@code NoMigration} or {@code NotSupported}. */
    String label();

    /** The type of the queued migration; empty when nothing is queued. */
    default Optional<MigrationType> migrationType() {
        return Optional.empty();
    }

    /** A migration of the user's future meetings is queued. */
    record Queue(MigrationType type, String reason) implements TriggerDecision {
        public Queue {
            Objects.requireNonNull(type, "type");
            reason = requireReason(reason);
        }

        @Override
        public String label() {
            return "Queue";
        }

        @Override
        public Optional<MigrationType> migrationType() {
            return Optional.of(type);
        }
    }

    /** Nothing is queued: the change does not call for it, or the tenant's settings say no. */
    record NoMigration(String reason) implements TriggerDecision {
        public NoMigration {
            reason = requireReason(reason);
        }

        @Override
        public String label() {
            return "NoMigration";
        }
    }

    /** The user's meetings need new coordinates but MMS cannot give them; the reason says what to do instead. */
    record NotSupported(String reason) implements TriggerDecision {
        public NotSupported {
            reason = requireReason(reason);
        }

        @Override
        public String label() {
            return "NotSupported";
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a trigger decision needs a reason an admin can read");
        }
        return reason;
    }
}
