package org.mms.migration;

import org.mms.block.BlockProblem;

/** Why a meeting that should be migrated cannot be, safely. Nothing is written for it. */
public enum FailReason {
    END_FENCE_MISSING,
    AMBIGUOUS_BLOCK,
    HTML_UNSAFE,
    BODIES_DISAGREE,
    /** A property the decision needs cannot be read (a date, the sequence number…). */
    INVALID_EVENT,
    /** The organizer's settings give no coordinates for this meeting (e.g. keep a join link it lacks). */
    NO_COORDINATES,
    /** The calendar store refused to store the new version for good (a CalDAV server's 403 or 415). */
    STORE_REFUSED;

    static FailReason of(BlockProblem problem) {
        return switch (problem) {
            case END_FENCE_MISSING -> END_FENCE_MISSING;
            case AMBIGUOUS_BLOCK -> AMBIGUOUS_BLOCK;
            case HTML_UNSAFE -> HTML_UNSAFE;
            case BODIES_DISAGREE -> BODIES_DISAGREE;
        };
    }
}
