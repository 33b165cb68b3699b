package org.mms.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mms.ical.CalendarReader;
import org.mms.migration.Organizer;
import org.mms.migration.PlanMeeting;
import org.mms.migration.SelectionRules;

/** Access to the fixture files, and a one-call migration of one of them as the offline tool does it. */
final class Fixtures {

    /** The moment every fixture is written against. */
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    /** Alice's directory object id: the one her Teams join links in the fixtures name. */
    static final String ALICE_OBJECT_ID = "b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80";
    static final Organizer ALICE = Organizer.of("alice@contoso.com", "alice.smith@contoso.com").withObjectIds(Set.of(ALICE_OBJECT_ID));

    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + relative), relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReadProfile.Profile profile(String name) {
        try {
            return ReadProfile.from(Files.readString(path("profiles/" + name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of migrating a file: the decisions, the summary, and the written calendar. */
    record Run(List<org.mms.migration.ComponentPlan> components, RunSummary summary, byte[] output) {
    }

    /** The bytes of a fixture file. */
    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run migrate(Path input, Path workDir, String profile, SelectionRules rules, boolean skipFailed) {
        return migrate(input, workDir, profile(profile), rules, skipFailed);
    }

    static Run migrate(Path input, Path workDir, ReadProfile.Profile p, SelectionRules rules, boolean skipFailed) {
        try {
            CollectingReport report = new CollectingReport();
            Path out = workDir.resolve(input.getFileName() + ".out.ics");
            Files.deleteIfExists(out);
            MigrateIcsFile run = new MigrateIcsFile(tz -> PlanMeeting.create(rules, p.target(), tz, ZoneOffset.UTC)::plan,
                    report, Outbox.none(), Progress.none());
            RunSummary summary = run.run(new MigrateIcsFile.Settings(input, new MigrateIcsFile.Destination.ToFile(out), false, skipFailed));
            byte[] output = Files.exists(out) ? Files.readAllBytes(out) : null;
            return new Run(List.copyOf(report.components), summary, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run migrate(Path input, Path workDir) {
        return migrate(input, workDir, "teams-new-bridge.json", SelectionRules.of(ALICE, NOW), true);
    }

    /** The items of a calendar (its frame's lines and each component), in order, as the golden rule compares them. */
    static List<byte[]> items(byte[] calendar) {
        CalendarReader reader = CalendarReader.of(calendar);
        List<byte[]> items = new ArrayList<>();
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            items.add(item.bytes());
        }
        return items;
    }

    /** Rows of expectations.tsv: file, uid, recurrence-id or "-", expected. */
    static List<String[]> expectations() {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path("ics/expectations.tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
