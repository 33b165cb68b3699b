package org.mms.migration;

import java.time.Instant;
import java.util.List;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;

/**
 * The record of what a migration did to each meeting, and the update messages it owes. A changed
 * meeting goes through {@link #intend}, the calendar write, then {@link #complete}; a crash in between
 * leaves an open intent that the next run settles by looking at the calendar (see V004 schema notes).
 */
public interface MigrationJournal {

    /** Which run is recording. */
    record Run(TenantId tenant, UserId user, String correlationId, Instant now) {
    }

    /** Decisions for a meeting that is not written (already current, left alone, or failed). */
    void record(Run run, String href, List<MeetingPlan> meetings);

    /** Before writing a changed meeting: its decisions as WRITING, and its update message held back. */
    void intend(Run run, String href, List<MeetingPlan> meetings, String newResourceHash, List<ItipRequest> updates);

    /** After the write: the decisions stand and the message may go. */
    void complete(Intent intent);

    /** The write did not happen (conflict, gone, crash before it): the intent and its message are dropped. */
    void abandon(Intent intent);

    /** Intents of this user left open by an earlier run, with the hash of the bytes each meant to write. */
    List<Intent> openIntents(TenantId tenant, UserId user);

    /** One meeting's pending write. */
    record Intent(TenantId tenant, UserId user, String correlationId, String href, String newResourceHash) {
        public static Intent of(Run run, String href, String newResourceHash) {
            return new Intent(run.tenant(), run.user(), run.correlationId(), href, newResourceHash);
        }
    }
}
