package org.mms.directory;

/** Where a user's calendar lives, as far as MMS is concerned. */
public enum MailboxLocation {
    /** In a calendar store MMS reaches (the embedded store, or a configured CalDAV server). */
    REACHABLE,
    /** On a server MMS cannot reach: only the offline tool can migrate these meetings. */
    ON_PREMISES
}
