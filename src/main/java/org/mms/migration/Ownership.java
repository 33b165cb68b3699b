package org.mms.migration;

/** Whether a meeting without the add-in's properties shows that it is the organizer's online meeting. */
sealed interface Ownership {

    /** Its block shows the organizer's join link or conference ID. */
    record Owned(OwnerEvidence evidence) implements Ownership {
    }

    /** Nothing in it is the organizer's, or its join link names someone else: why, in words. */
    record NotShown(String why) implements Ownership {
    }
}
