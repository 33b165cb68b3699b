package org.mms.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;

/**
 * The record of what a migration did to each meeting, and the update messages it owes. A changed
 * meeting goes through {@link #intend}, the calendar write, then {@link #complete}; a crash in between
 * leaves an open intent that the next run settles by looking at the calendar (see V004 schema notes). An intent
 * keeps the hash of the bytes meant to be written and the ETag of the version the write was conditional on: a store
 * that gives back its own rendering never shows those bytes, so the version tells whether anything was written.
 */
public interface MigrationJournal {

    /** Which run is recording. */
    record Run(TenantId tenant, UserId user, String correlationId, Instant now) {
    }

    /** The decisions for one stored meeting that is not written (already current, left alone, or failed). */
    record Unwritten(String href, List<MeetingPlan> meetings) {
    }

    /**
     * One stored meeting about to be written: its decisions, the hash of the new bytes, the ETag the write is
     * conditional on (empty for a write that is not), the messages it owes, and its bytes before the write (kept once
     * the write stands, for {@code Undo-CsMeetingMigration}; null keeps none).
     */
    record Planned(String href, List<MeetingPlan> meetings, String newResourceHash, Optional<String> baseEtag,
            List<ItipRequest> updates, byte[] previousBytes) {
        public Planned(String href, List<MeetingPlan> meetings, String newResourceHash, Optional<String> baseEtag,
                List<ItipRequest> updates) {
            this(href, meetings, newResourceHash, baseEtag, updates, null);
        }
    }

    /**
     * One chunk of meetings, in one transaction: the decisions for those not written, and for each one
     * about to be written its decisions as WRITING and its update messages held back.
     */
    void begin(Run run, List<Unwritten> unwritten, List<Planned> planned);

    /**
     * After the writes, in one transaction: the decisions of the written ones stand and their messages
     * may go; those not written (conflict, gone, refused) are dropped with their messages.
     */
    default void settle(List<Intent> written, List<Intent> notWritten) {
        settle(written, notWritten, Map.of());
    }

    /** As {@link #settle(List, List)}, with the store's ETag of each written meeting by its href, kept for undo. */
    void settle(List<Intent> written, List<Intent> notWritten, Map<String, String> writtenEtags);

    /** Decisions for a meeting that is not written. */
    default void record(Run run, String href, List<MeetingPlan> meetings) {
        begin(run, List.of(new Unwritten(href, meetings)), List.of());
    }

    /** Before writing one changed meeting, conditional on the version {@code baseEtag} when there is one. */
    default void intend(Run run, String href, List<MeetingPlan> meetings, String newResourceHash, Optional<String> baseEtag,
            List<ItipRequest> updates) {
        begin(run, List.of(), List.of(new Planned(href, meetings, newResourceHash, baseEtag, updates)));
    }

    /** Before writing one changed meeting whose bytes before the write are kept for undo. */
    default void intend(Run run, String href, List<MeetingPlan> meetings, String newResourceHash, Optional<String> baseEtag,
            List<ItipRequest> updates, byte[] previousBytes) {
        begin(run, List.of(), List.of(new Planned(href, meetings, newResourceHash, baseEtag, updates, previousBytes)));
    }

    /** After the write of one meeting. */
    default void complete(Intent intent) {
        settle(List.of(intent), List.of());
    }

    /** After the write of one meeting, with the store's ETag of what it stored. */
    default void complete(Intent intent, String etag) {
        settle(List.of(intent), List.of(), Map.of(intent.href(), etag));
    }

    /** The write of one meeting did not happen. */
    default void abandon(Intent intent) {
        settle(List.of(), List.of(intent));
    }

    /**
     * Intents of this user left open by an earlier run, with the hash of the bytes each meant to write and the version
     * it was conditional on.
     */
    List<Intent> openIntents(TenantId tenant, UserId user);

    /**
     * What the given migrations of the user wrote and that stands, one entry per stored meeting: its bytes before the
     * first of them wrote it, and the hash and store's ETag of what the last of them wrote, with the components they
     * migrated.
     */
    List<WrittenResource> writtenBy(TenantId tenant, UserId user, List<String> correlationIds);

    /** A stored meeting migrations wrote: as it was before, what the last write stored, and what changed in it. */
    record WrittenResource(String href, byte[] previousBytes, String lastHash, Optional<String> lastEtag,
            List<WrittenComponent> components) {
    }

    /**
     * One migrated component, with the block it showed before and the one it got, and its HTML body's block likewise
     * (empty when it has no HTML body, or when a migration journaled before the HTML blocks were kept wrote it).
     */
    record WrittenComponent(String uid, Optional<String> recurrenceId, String summary, Optional<Instant> start, String previousBlock,
            String newBlock, Optional<HtmlBlocks> html) {
    }

    /** A block an open intent meant to write: the component it goes in, and its text as {@link Outcome.Migrated#newBlock}. */
    record MeantBlock(String uid, Optional<String> recurrenceId, String text) {
    }

    /** The blocks an open intent meant to write, one per component it migrates. */
    List<MeantBlock> meantBlocks(Intent intent);

    /** One meeting's pending write; settling it needs only its run and href. */
    record Intent(TenantId tenant, UserId user, String correlationId, String href, String newResourceHash, Optional<String> baseEtag) {
        public static Intent of(Run run, String href, String newResourceHash, Optional<String> baseEtag) {
            return new Intent(run.tenant(), run.user(), run.correlationId(), href, newResourceHash, baseEtag);
        }

        public static Intent of(Run run, String href, String newResourceHash) {
            return of(run, href, newResourceHash, Optional.empty());
        }
    }
}
