package org.mms.queue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.mms.migration.MigrationType;

/**
 * What one or more changes to a user ask for: a migration of a type, for a cause, after a settle
 * window. It is what a new request starts from, what later changes coalesce into, and the follow-up a
 * running request carries.
 *
 * @param upn          the user's UPN when the change was made (shown in the status output)
 * @param type         what to migrate
 * @param trigger      what caused it; coalesced causes are joined with {@code "; "}
 * @param settleWindow how long to wait for more changes before migrating
 */
public record RequestedChange(String upn, MigrationType type, String trigger, Duration settleWindow) {
    public static final int MAX_TRIGGER_LENGTH = 1000;
    public static final int MAX_UPN_LENGTH = 320;

    private static final String SEPARATOR = "; ";
    private static final String ELLIPSIS = "…";

    public RequestedChange {
        Objects.requireNonNull(upn, "upn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(settleWindow, "settleWindow");
        if (upn.isBlank() || upn.length() > MAX_UPN_LENGTH) {
            throw new IllegalArgumentException("a UPN has 1 to " + MAX_UPN_LENGTH + " characters: \"" + upn + "\"");
        }
        if (trigger.isBlank()) {
            throw new IllegalArgumentException("a migration needs a trigger saying what caused it");
        }
        if (settleWindow.isNegative()) {
            throw new IllegalArgumentException("the settle window cannot be negative: " + settleWindow);
        }
        // Causes are free text from the trigger policy; the cap keeps a long one from failing the insert.
        trigger = Text.cap(trigger, MAX_TRIGGER_LENGTH);
    }

    /**
     * This change with a later one folded in: the broader type ({@link MergeMigrationTypes}), both causes,
     * and the later UPN and settle window, which are the user's and tenant's current ones.
     */
    public RequestedChange mergedWith(RequestedChange later) {
        return new RequestedChange(later.upn, MergeMigrationTypes.merge(type, later.type), mergeTriggers(trigger, later.trigger),
                later.settleWindow);
    }

    /** Each distinct cause once, in the order they came; past the cap, a closing ellipsis says more were dropped. */
    static String mergeTriggers(String earlier, String later) {
        if (Arrays.asList(earlier.split(SEPARATOR)).contains(later)) {
            return earlier;
        }
        String joined = earlier + SEPARATOR + later;
        if (joined.length() <= MAX_TRIGGER_LENGTH) {
            return joined;
        }
        String dropped = SEPARATOR + ELLIPSIS;
        if (earlier.endsWith(dropped) || earlier.length() + dropped.length() > MAX_TRIGGER_LENGTH) {
            return earlier;
        }
        return earlier + dropped;
    }
}
