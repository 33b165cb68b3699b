package org.mms.migration;

/** Why a meeting is left as it is. Each comes with a detail naming the specifics for the report. */
public enum SkipReason {
    /** Someone else organizes it: only the organizer's own copy is theirs to update. */
    NOT_ORGANIZER,
    /** Cancelled: sending an update would resurrect it in attendees' calendars. */
    CANCELLED,
    /** No online meeting created by the add-in (plain meeting, or a block pasted from elsewhere). */
    NO_ONLINE_MEETING,
    /** Every occurrence has started. */
    PAST,
    /** This changed occurrence of a series has started; the rest of the series may still be migrated. */
    PAST_OVERRIDE,
    /** More attendees, organizer included, than the limit. */
    TOO_MANY_ATTENDEES,
    /** The add-in's properties are there but the invitation body has no block to replace. */
    NO_BLOCK,
    /** The meeting's type (Skype for Business or Teams) is not among the types selected for this run. */
    SOURCE_TYPE,
    /** Undo: the meeting no longer shows what the migration wrote (someone changed it since), so it is left as it is. */
    CHANGED_SINCE
}
