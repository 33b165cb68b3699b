package org.mms.detection;

import java.util.Optional;

/**
 * One question of a trigger row: a decision when the answer stops the migration, empty when the
 * row goes on to its next question.
 */
@FunctionalInterface
interface Check {

    Optional<TriggerDecision> decision();

    /** The first decision of {@code checks}, asked in order; empty when every one lets the migration through. */
    static Optional<TriggerDecision> first(Check... checks) {
        for (Check check : checks) {
            Optional<TriggerDecision> decision = check.decision();
            if (decision.isPresent()) {
                return decision;
            }
        }
        return Optional.empty();
    }

    /** {@code decision} when {@code condition} holds. */
    static Optional<TriggerDecision> when(boolean condition, TriggerDecision decision) {
        return condition ? Optional.of(decision) : Optional.empty();
    }
}
