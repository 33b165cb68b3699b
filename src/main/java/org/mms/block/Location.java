package org.mms.block;

/** What looking for a block in a body found. */
public sealed interface Location {

    /** Exactly one block, here. */
    record Found(BlockSpan span) implements Location {
    }

    /** No block in this body. */
    record Absent() implements Location {
    }

    /** Something block-like that cannot be replaced safely; {@code detail} says what, for the report. */
    record Refused(BlockProblem problem, String detail) implements Location {
    }
}
