package org.mms.block;

/** Why a block that is there cannot be replaced safely. MMS refuses and reports rather than guess. */
public enum BlockProblem {
    /** An opening fence without its closing fence: where the block ends is unknown. */
    END_FENCE_MISSING,
    /** Several blocks, and the meeting's own join link does not single one out. */
    AMBIGUOUS_BLOCK,
    /** The HTML block's extent is unclear, or replacing it would change the HTML around it. */
    HTML_UNSAFE,
    /** The plain-text and HTML bodies do not show the same block. */
    BODIES_DISAGREE
}
