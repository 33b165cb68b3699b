package org.mms.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The organizers' calendars, as a CalDAV server keeps them (RFC 4791): in each mailbox, one calendar
 * object resource per UID, holding one VCALENDAR with the meeting's master, its overrides and the
 * VTIMEZONEs they use. Every version of a resource has an ETag, and writes are conditional on it, so
 * a migration never overwrites a change it has not seen.
 *
 * <p>Stores keep what they are given without reading more of it than the UID. Whether they give the
 * same bytes back differs: the embedded store does, CalDAV servers rewrite what they store.
 *
 * <p>All methods may throw unchecked exceptions for infrastructure failures (the database or the
 * server cannot be reached); remote stores throw {@link TransientStoreException} when trying again
 * later may help and {@link PermanentStoreException} when it will not. Expected outcomes of writes are
 * {@link WriteResult}s.
 */
public interface CalendarStore {

    /** The resource with this name, or empty when the mailbox has none. */
    Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref);

    /**
     * Hands every resource that may have an occurrence in {@code [from, to)} to {@code action}, each
     * exactly once, reading {@code batchSize} at a time so that a mailbox of ten thousand meetings is
     * never in memory at once. "May": a store can hand over more than that (the embedded store hands
     * over the whole mailbox, and some CalDAV servers ignore recurrences in time-range queries), so
     * callers decide with their own rules. {@code action} runs between reads and may write to the
     * store.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to} or {@code batchSize < 1}
     */
    void forEachCandidate(Mailbox mailbox, Instant from, Instant to, int batchSize, Consumer<StoredResource> action);

    /**
     * Writes {@code data} under {@code ref}. With {@code ifMatch} (an ETag this store gave), only if
     * the resource still has that ETag: {@link WriteResult.PreconditionFailed} when it has another,
     * {@link WriteResult.NotFound} when it is gone, and nothing is written in either case. Without,
     * creates or replaces whatever is there.
     *
     * @param data one calendar object resource: a single VCALENDAR whose components (VTIMEZONEs
     *             aside) all carry the same UID
     * @throws IllegalArgumentException if {@code data} is not one calendar object resource
     */
    WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch);

    /** One conditional write of a batch: {@code data} under {@code ref} if it still has the ETag {@code ifMatch}. */
    record Write(ResourceRef ref, byte[] data, String ifMatch) {
    }

    /**
     * Writes a batch, each with its own version check as {@link #put} does, and gives the results in
     * the same order. The embedded store does them in one transaction; a remote store one request
     * after another. A failure that stops the batch (the store cannot be reached) is thrown, and
     * writes before it may have happened: callers journal their intent before and settle it after.
     */
    default List<WriteResult> putAll(Mailbox mailbox, List<Write> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write w : writes) {
            results.add(put(mailbox, w.ref(), w.data(), Optional.of(w.ifMatch())));
        }
        return results;
    }

    /**
     * Writes {@code data} under {@code ref} only if there is no resource of that name yet
     * ({@code If-None-Match: *}); otherwise {@link WriteResult.PreconditionFailed} with the ETag of the
     * resource that is there, and nothing is written.
     *
     * @throws IllegalArgumentException if {@code data} is not one calendar object resource
     */
    WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data);

    /** How many resources the mailbox holds. */
    long count(Mailbox mailbox);

    /**
     * Whether the store itself tells the attendees when the organizer's copy of a meeting changes
     * (RFC 6638 server-side scheduling: a plain PUT makes the server send the update). When it does,
     * MMS must not send its own iMIP as well, or every attendee gets the update twice. The embedded
     * store keeps bytes and nothing more, so it never does.
     */
    default boolean schedulesForAttendees(Mailbox mailbox) {
        return false;
    }

    /**
     * For a store that {@linkplain #schedulesForAttendees schedules}: whether it sends a series' master and each of
     * its changed occurrences as updates of their own (Exchange does: each is an item of its own), rather than one
     * update for the whole resource (an RFC 6638 server sends one per attendee for each PUT). It decides how many
     * updates a write asked the store to send.
     */
    default boolean sendsEachEventApart(Mailbox mailbox) {
        return false;
    }

    /**
     * Whether the resource holds what a write of bytes with this {@link ResourceHash} stored: how a migration that
     * stopped between a write and its confirmation learns whether the write happened. A store that gives back the
     * bytes it was given compares them; one that gives back its own rendering (Graph) must remember the write. A
     * CalDAV server gives back its own rendering and remembers nothing, so this says no there; the migration then
     * compares the resource's ETag with the one the write was conditional on, and its blocks with those meant.
     */
    default boolean holds(Mailbox mailbox, ResourceRef ref, String resourceHash) {
        return get(mailbox, ref).map(r -> ResourceHash.of(r.data()).equals(resourceHash)).orElse(false);
    }
}
