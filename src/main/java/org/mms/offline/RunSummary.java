package org.mms.offline;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mms.migration.Outcome;

/**
 * The totals of a run.
 *
 * @param byOutcome       components per outcome key ({@code migrated}, {@code unchanged},
 *                        {@code skipped:PAST}, {@code failed:HTML_UNSAFE}…)
 * @param meetingsChanged meetings (UIDs) with at least one migrated component
 * @param messages        update messages written
 * @param written         whether the calendar (and messages) were written
 */
public record RunSummary(MigrateIcsFile.Settings settings, long events, Map<String, Long> byOutcome, long meetingsChanged,
        int messages, long failed, boolean written, long elapsedNanos) {

    public RunSummary {
        byOutcome = Collections.unmodifiableMap(new TreeMap<>(byOutcome));
    }

    public long count(String prefix) {
        return byOutcome.entrySet().stream().filter(e -> e.getKey().equals(prefix) || e.getKey().startsWith(prefix + ":"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static String key(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Migrated m -> "migrated";
            case Outcome.Unchanged u -> "unchanged";
            case Outcome.Skipped s -> "skipped:" + s.reason();
            case Outcome.Failed f -> "failed:" + f.reason();
        };
    }
}
