package org.mms.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mms.admin.Views;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/** What the dashboard reads beyond the cmdlets' views: the journal's blocks, the pace and the update messages. Always one tenant's. */
public interface DashboardQueries {

    /** Each meeting one migration looked at, in the order handled, with the block before and after when it was rewritten. */
    List<MeetingChange> changes(TenantId tenant, String correlationId);

    /** Meetings migrated (and written) in each of {@code buckets} intervals of {@code step} from {@code from} on. */
    long[] migrated(TenantId tenant, Instant from, Duration step, int buckets);

    /** Migrations that ended (succeeded or failed) since then. */
    long finishedSince(TenantId tenant, Instant since);

    /** Update messages by state (PENDING, SENT, FAILED, …). */
    Map<String, Long> updates(TenantId tenant);

    /** One page of the tenant's migrations that pass the filter, newest first. */
    Page<Views.MigrationStatus> migrations(TenantId tenant, MigrationFilter filter, PageRequest page);

    /** When the organizer of that migration was sent its notice (NotifyOrganizerBeforeMinutes), if they were. */
    Optional<Instant> noticeSentAt(TenantId tenant, String correlationId);

    /** One page of the tenant's trigger decisions (of one user when {@code user} names one), newest first. */
    Page<Views.TriggerDecision> decisions(TenantId tenant, Optional<UserId> user, PageRequest page);

    /**
     * One meeting of a migration; the blocks are null when the meeting was not rewritten, the HTML ones also when it has
     * no HTML body. {@code htmlRecorded} is false for meetings journaled before the HTML blocks were kept.
     */
    record MeetingChange(String uid, String recurrenceId, String subject, Instant start, String outcome, String reason,
            String detail, String previousBlock, String newBlock, String previousHtmlBlock, String newHtmlBlock, boolean htmlRecorded,
            Instant at) {
    }

    /**
     * Which migrations a page lists, every part optional: a user, a state, created since, a type, and a text searched
     * (case-insensitively, anywhere) in the UPN, the UserId, the CorrelationId and the LastMessage.
     */
    record MigrationFilter(Optional<UserId> user, Optional<MigrationState> state, Optional<Instant> createdFrom,
            Optional<MigrationType> type, Optional<String> search) {

        public MigrationFilter {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(createdFrom, "createdFrom");
            Objects.requireNonNull(type, "type");
            search = search.filter(s -> !s.isBlank());
        }

        public static MigrationFilter none() {
            return new MigrationFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Page {@code number} (from 1) of {@code size} rows. */
    record PageRequest(int number, int size) {

        public PageRequest {
            if (number < 1 || size < 1) {
                throw new IllegalArgumentException("page " + number + " of " + size + " rows");
            }
        }

        /** The rows before this page. */
        public long offset() {
            return (long) (number - 1) * size;
        }
    }

    /**
     * The rows of one page, which page it is (the last one when a page past the end was asked for) and how many rows
     * every page together holds.
     */
    record Page<T>(List<T> rows, int number, int size, long total) {

        public Page {
            rows = List.copyOf(rows);
        }

        /** How many pages there are; an empty list is one empty page. */
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages();
        }

        /** The page to serve when {@code asked} is wanted and {@code total} rows match: past the end, the last. */
        public static PageRequest within(PageRequest asked, long total) {
            long pages = Math.max(1, (total + asked.size() - 1) / asked.size());
            return asked.number() > pages ? new PageRequest((int) pages, asked.size()) : asked;
        }
    }
}
