package org.mms.offline;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mms.block.BlockDiff;
import org.mms.migration.ComponentPlan;
import org.mms.migration.OneLine;
import org.mms.migration.Outcome;

/**
 * The report for people: one line per meeting (per changed occurrence of a series) with its outcome
 * and reason, the block diff under each migrated one in a dry run with the organization's own text the
 * replacement removes, and the totals.
 */
public final class TextReport implements RunReport {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final boolean showDiffs;
    private final List<String> notes = new ArrayList<>();

    public TextReport(PrintStream out, boolean showDiffs) {
        this.out = out;
        this.showDiffs = showDiffs;
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    @Override
    public void component(ComponentPlan plan) {
        String start = plan.start().map(START::format).orElse("-");
        // Titles, UIDs and reasons quote the calendar: each report line stays one printable line whatever they hold.
        String what = (plan.summary().isBlank() ? "(no title)" : OneLine.of(plan.summary(), 200))
                + plan.recurrenceId().map(r -> " [occurrence " + OneLine.of(r, 100) + "]").orElse("");
        String why = switch (plan.outcome()) {
            case Outcome.Migrated m -> (m.from() == m.to() ? "" : m.from() + " -> " + m.to() + "; ") + m.evidence().describe();
            case Outcome.Unchanged u -> OneLine.of(u.detail()) + "; " + u.evidence().describe();
            case Outcome.Skipped s -> s.reason() + ": " + OneLine.of(s.detail());
            case Outcome.Failed f -> f.reason() + ": " + OneLine.of(f.detail());
        };
        out.printf("%-9s  %-17s  %s%s%n", label(plan.outcome()), start, what, why.isEmpty() ? "" : "  -- " + why);
        if (plan.outcome() instanceof Outcome.Failed) {
            out.printf("%-9s  %-17s  UID %s%n", "", "", plan.uid());
        }
        if (showDiffs && plan.outcome() instanceof Outcome.Migrated m) {
            BlockDiff.lines(m.oldBlock(), m.newBlock()).forEach(line -> out.println("             " + line));
            // Said apart from the diff: an admin reading a hundred diffs must not miss the text nobody gets back.
            List<String> removed = BlockDiff.removedOrganizationText(m.oldBlock(), m.newBlock());
            if (!removed.isEmpty()) {
                out.println("             removed organization text:");
                removed.forEach(line -> out.println("               " + line));
            }
        }
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Migrated m -> "migrated";
            case Outcome.Unchanged u -> "unchanged";
            case Outcome.Skipped s -> "skipped";
            case Outcome.Failed f -> "FAILED";
        };
    }

    @Override
    public void finish(RunSummary s) {
        out.println();
        out.printf(Locale.ROOT, "%,d events: %,d migrated, %,d unchanged, %,d skipped, %,d failed (%.1f s)%n", s.events(),
                s.count("migrated"), s.count("unchanged"), s.count("skipped"), s.count("failed"), s.elapsedNanos() / 1e9);
        for (Map.Entry<String, Long> e : s.byOutcome().entrySet()) {
            if (e.getKey().contains(":")) {
                out.printf(Locale.ROOT, "  %-28s %,d%n", e.getKey().replace(':', ' '), e.getValue());
            }
        }
        notes.forEach(n -> out.println("note: " + OneLine.of(n)));
        MigrateIcsFile.Settings settings = s.settings();
        if (settings.dryRun()) {
            out.printf(Locale.ROOT, "Dry run: nothing written. %,d meetings would change and their attendees get an update.%n",
                    s.meetingsChanged());
        } else if (s.written()) {
            String where = settings.output() instanceof MigrateIcsFile.Destination.ToFile(var path) ? path.toString() : "standard output";
            out.printf(Locale.ROOT, "Wrote %s: %,d meetings changed, %,d update messages.%n", where, s.meetingsChanged(), s.messages());
        } else {
            out.printf(Locale.ROOT, "Nothing written: %,d meetings could not be migrated safely (lines marked FAILED above). "
                    + "Fix them, or run again with --skip-failed to write the calendar with those meetings left as they are.%n",
                    s.failed());
        }
        out.flush();
    }
}
