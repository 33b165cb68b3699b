package org.mms.directory;

/** Who provides a user's dial-in audio conferencing. */
public enum AudioProvider {
    MICROSOFT,
    /** A third-party audio conferencing provider (ACP) with its own numbers. */
    THIRD_PARTY
}
