package org.mms.calendar.graph;

/**
 * What an event MMS created from a calendar file remembers of it, in named properties of MMS's own property set:
 * the resource name the caller gave and the file's UID. Exchange names events itself (its id, its iCalUId), so
 * without them a calendar imported twice could not find the meetings of the first import, and a meeting would read
 * back under another UID than it was written with. Events Exchange or Outlook created carry neither, and are named by
 * their id and read with their iCalUId.
 */
final class ImportedNames {

    /** MMS's own property set: a GUID of its own, so its names never meet another application's. */
    static final String MMS_SET = "{6b1f3c2e-9a47-4d5b-8e0c-2f7a9d4b1c63}";
    static final String RESOURCE_NAME = "String " + MMS_SET + " Name MmsResourceName";
    static final String UID = "String " + MMS_SET + " Name MmsUid";

    private ImportedNames() {
    }
}
