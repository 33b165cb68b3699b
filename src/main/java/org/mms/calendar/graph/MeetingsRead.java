package org.mms.calendar.graph;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import org.mms.calendar.ResourceRef;

/**
 * The meetings the store handed over, by the ETag it gave with each, so that a write conditional on that ETag can be
 * planned on what was read instead of reading the meeting again: one request per event written instead of two. Each is
 * remembered only as long as its caller holds the ETag string it was given (the key is held weakly), so what is kept
 * follows what the engine holds, a chunk of a mailbox per worker, and a meeting read and never written costs nothing
 * once its caller lets it go. A write takes its meeting out: the next write of it has a new ETag. Thread-safe.
 */
final class MeetingsRead {

    private record Read(String upn, ResourceRef ref, GraphMeeting meeting) {
    }

    private final Map<String, Read> byEtag = Collections.synchronizedMap(new WeakHashMap<>());

    /** Remembers {@code meeting}, handed over as {@code ref} of {@code upn}'s mailbox under {@code etag} (this very string). */
    void remember(String etag, String upn, ResourceRef ref, GraphMeeting meeting) {
        byEtag.put(Objects.requireNonNull(etag, "etag"), new Read(upn, ref, meeting));
    }

    /** The meeting handed over under {@code etag} as {@code ref} of {@code upn}'s mailbox, forgotten from now on. */
    Optional<GraphMeeting> take(String etag, String upn, ResourceRef ref) {
        Read read = byEtag.remove(etag);
        return read != null && read.upn().equals(upn) && read.ref().equals(ref) ? Optional.of(read.meeting()) : Optional.empty();
    }
}
