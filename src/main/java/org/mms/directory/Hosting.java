package org.mms.directory;

/** Where a user's conferencing account lives. */
public enum Hosting {
    /** On a Skype for Business Server pool of the organization. */
    ON_PREMISES,
    /** In the online service. */
    ONLINE
}
