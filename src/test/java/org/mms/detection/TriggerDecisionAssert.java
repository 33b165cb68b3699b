package org.mms.detection;

import org.assertj.core.api.AbstractAssert;
import org.mms.migration.MigrationType;

/** Assertions on a trigger decision that print the whole decision, reason included, when they fail. */
final class TriggerDecisionAssert extends AbstractAssert<TriggerDecisionAssert, TriggerDecision> {

    private TriggerDecisionAssert(TriggerDecision actual) {
        super(actual, TriggerDecisionAssert.class);
    }

    static TriggerDecisionAssert assertThatDecision(TriggerDecision actual) {
        return new TriggerDecisionAssert(actual);
    }

    TriggerDecisionAssert queues(MigrationType type) {
        isNotNull();
        if (!(actual instanceof TriggerDecision.Queue(MigrationType queued, _)) || queued != type) {
            failWithMessage("expected a %s migration to be queued, but the decision was %s", type.displayName(), actual);
        }
        return this;
    }

    TriggerDecisionAssert doesNotMigrate() {
        isNotNull();
        if (!(actual instanceof TriggerDecision.NoMigration)) {
            failWithMessage("expected NoMigration, but the decision was %s", actual);
        }
        return this;
    }

    TriggerDecisionAssert isNotSupported() {
        isNotNull();
        if (!(actual instanceof TriggerDecision.NotSupported)) {
            failWithMessage("expected NotSupported, but the decision was %s", actual);
        }
        return this;
    }

    /** The reason mentions every one of {@code fragments}. */
    TriggerDecisionAssert because(String... fragments) {
        isNotNull();
        for (String fragment : fragments) {
            if (!actual.reason().contains(fragment)) {
                failWithMessage("expected the reason to mention <%s>, but it was <%s>", fragment, actual.reason());
            }
        }
        return this;
    }

    /** The reason does not mention {@code fragment}. */
    TriggerDecisionAssert notBecause(String fragment) {
        isNotNull();
        if (actual.reason().contains(fragment)) {
            failWithMessage("expected the reason not to mention <%s>, but it was <%s>", fragment, actual.reason());
        }
        return this;
    }
}
