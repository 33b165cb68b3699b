package org.mms.api;

/**
 * The largest request body each kind of route reads, in bytes (configuration {@code http.maxBodyBytes}).
 * A body is held in memory while it is read, so the limits bound what a caller can make the process
 * hold: small for the JSON commands, large only where a document is the point of the route.
 *
 * @param json            every route whose body is a JSON command (a PATCH of settings, a move, a meeting)
 * @param directoryImport {@code POST /directory/import}: the directory document
 * @param calendarImport  {@code PUT /users/{identity}/calendar}: a calendar export
 */
public record BodyLimits(long json, long directoryImport, long calendarImport) {

    /** 64 KiB of commands; 16 MiB of directory (about 15,000 users); 64 MiB of calendar (a busy organizer's years). */
    public static final BodyLimits DEFAULTS = new BodyLimits(64L * 1024, 16L * 1024 * 1024, 64L * 1024 * 1024);

    /** Below this even the smallest command does not fit. */
    public static final long MINIMUM = 1024;

    public BodyLimits {
        if (json < MINIMUM || directoryImport < MINIMUM || calendarImport < MINIMUM) {
            throw new IllegalArgumentException("http.maxBodyBytes: every limit must be at least " + MINIMUM + " bytes");
        }
    }

    long largest() {
        return Math.max(json, Math.max(directoryImport, calendarImport));
    }
}
