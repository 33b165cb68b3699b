package org.mms.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.AdminException;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.directory.User;
import org.mms.ical.IcalFormatException;
import org.mms.migration.ComponentPlan;
import org.mms.migration.MigrationType;
import org.mms.migration.Organizer;
import org.mms.migration.Outcome;
import org.mms.migration.PlanMeeting;
import org.mms.migration.SelectionRules;
import org.mms.offline.MigrateIcsFile;
import org.mms.offline.Outbox;
import org.mms.offline.Progress;
import org.mms.offline.ReadProfile;
import org.mms.offline.RunReport;
import org.mms.offline.RunSummary;
import org.mms.sample.SampleOrganization;
import org.mms.testing.GoldenRule;
import org.mms.testing.Seeds;
import org.mms.testing.ServiceHarness;

/**
 * Issue 13's hostile calendars, seeded: real fixtures mutated the ways the probe broke them (byte
 * flips, truncation, broken folds, invalid UTF-8, huge lines, deep nesting, a missing END, bad dates
 * and rules, a block's end fence removed), each sent through the offline engine ({@code migrate-ics})
 * and through {@code Import-CsCalendar} and the service's migration. Only the documented failures may
 * happen: the whole calendar refused as unreadable ({@link IcalFormatException} offline, 400 on
 * import), or single meetings failed or skipped with one of the engine's reasons. Nothing is
 * half-written (no partial output file, no import that stored part of a calendar, no journal entry
 * left between announcing and confirming a write), every meeting not migrated comes out byte-identical,
 * and every migrated one passes the golden rule. {@code -Dpbt.seed=N} replays a run; a failure names
 * its seed, case, fixture and mutations.
 */
class HostileCalendarFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ORGANIZER = "alice@contoso.com";
    private static final Organizer ALICE = Organizer.of(ORGANIZER, "alice.smith@contoso.com");

    @TempDir
    static Path work;

    private static ServiceHarness service;
    private static ReadProfile.Profile profile;
    private static List<Fixture> fixtures;

    private record Fixture(String name, byte[] bytes) {
    }

    @BeforeAll
    static void start() throws IOException {
        service = new ServiceHarness(work.resolve("pickup"), NOW);
        SampleOrganization org = new SampleOrganization(2);
        String teamsUser = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow().upn();
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson().replace(teamsUser, ORGANIZER));
        profile = ReadProfile.from(Files.readString(resource("profiles/teams-new-bridge.json"), StandardCharsets.UTF_8));
        List<Fixture> found = new ArrayList<>();
        for (String dir : List.of("ics", "ics/bad", "itip", "already-current")) {
            try (Stream<Path> files = Files.list(resource(dir))) {
                // The one export of 160 KB would take most of the time budget; its meetings are in the smaller fixtures too.
                for (Path f : files.filter(p -> p.toString().endsWith(".ics") && p.toFile().length() < 100_000).sorted().toList()) {
                    found.add(new Fixture(dir + "/" + f.getFileName(), Files.readAllBytes(f)));
                }
            }
        }
        fixtures = List.copyOf(found);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Path resource(String relative) {
        try {
            return Path.of(Objects.requireNonNull(HostileCalendarFuzzTest.class.getResource("/fixtures/" + relative), relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a run met, for the summary line (and to show the suite reaches every kind of outcome). */
    private final Map<String, Integer> seen = new ConcurrentSkipListMap<>();

    /** One generated case: which fixture, which mutations, the bytes. Case {@code i} of a seed is always the same calendar. */
    private record Case(int index, String description, byte[] calendar, List<CalendarMutations> mutations) {
    }

    private static Case generate(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Fixture fixture = fixtures.get(random.nextInt(fixtures.size()));
        List<CalendarMutations> applied = new ArrayList<>();
        byte[] mutated = fixture.bytes();
        for (int n = random.nextInt(10) < 7 ? 1 : random.nextInt(2, 4); n > 0; n--) {
            CalendarMutations m = CalendarMutations.values()[random.nextInt(CalendarMutations.values().length)];
            applied.add(m);
            mutated = m.apply(mutated, random);
        }
        return new Case(index, "seed " + seed + " (-Dpbt.seed=" + seed + "), case " + index + ": " + fixture.name() + " with " + applied,
                mutated, applied);
    }

    @Test
    void mutated_calendars_meet_only_documented_failures_are_never_half_written_and_keep_every_meeting_not_migrated_byte_identical()
            throws IOException {
        long seed = Seeds.seed(20261205L);
        int cases = Seeds.cases(2_000);
        Map<CalendarMutations, Integer> perMutation = new EnumMap<>(CalendarMutations.class);
        // The engine is pure and each case has files of its own: cases run in parallel, and the first failing one is reported.
        Map<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
        IntStream.range(0, cases).parallel().forEach(i -> {
            Case c = generate(seed, i);
            try {
                throughTheEngine(c.calendar(), i);
            } catch (AssertionError | RuntimeException | IOException e) {
                failures.put(i, e);
            }
        });
        reportFirst(failures, seed, "the engine");
        // The service's database is one for all cases: those run one after the other.
        for (int i = 0; i < cases; i++) {
            Case c = generate(seed, i);
            c.mutations().forEach(m -> perMutation.merge(m, 1, Integer::sum));
            try {
                // Every calendar is imported; the migration after it costs database round trips per meeting, so every eighth one runs it.
                throughImportAndTheService(c.calendar(), i % 8 == 0);
            } catch (AssertionError | RuntimeException e) {
                failures.put(i, e);
                reportFirst(failures, seed, "Import-CsCalendar and the service");
            }
        }
        System.out.printf("HostileCalendarFuzzTest: seed %d, %d calendars, mutations %s, outcomes %s%n", seed, cases, perMutation, seen);
        assertThat(perMutation).as("every kind of mutation ran").hasSize(CalendarMutations.values().length);
        assertThat(seen).containsKeys("engine:refused", "engine:migrated", "engine:failed", "engine:skipped", "import:refused",
                "import:stored", "service:migrated", "service:unchanged");
    }

    /** Fails with the first failing case (its seed, fixture and mutations), its calendar kept for a look. */
    private static void reportFirst(Map<Integer, Throwable> failures, long seed, String path) throws IOException {
        if (failures.isEmpty()) {
            return;
        }
        Map.Entry<Integer, Throwable> first = failures.entrySet().iterator().next();
        Case c = generate(seed, first.getKey());
        Path kept = work.resolve("failing-case-" + c.index() + ".ics");
        Files.write(kept, c.calendar());
        throw new AssertionError(failures.size() + " case(s) failed through " + path + "; the first: " + c.description() + " (" + kept
                + "): " + first.getValue(), first.getValue());
    }

    /** A collecting report: the decisions, in file order. */
    private static final class Decisions implements RunReport {
        final List<ComponentPlan> components = new ArrayList<>();

        @Override
        public void component(ComponentPlan plan) {
            components.add(plan);
        }

        @Override
        public void note(String note) {
        }

        @Override
        public void finish(RunSummary summary) {
        }
    }

    private void throughTheEngine(byte[] calendar, int n) throws IOException {
        Path dir = Files.createDirectories(work.resolve("engine-" + n));
        Path in = dir.resolve("in-" + n + ".ics");
        Path out = dir.resolve("out-" + n + ".ics");
        Files.write(in, calendar);
        Decisions decisions = new Decisions();
        MigrateIcsFile run = new MigrateIcsFile(tz -> PlanMeeting.create(SelectionRules.of(ALICE, NOW), profile.target(), tz,
                ZoneOffset.UTC)::plan, decisions, Outbox.none(), Progress.none());
        try {
            run.run(new MigrateIcsFile.Settings(in, new MigrateIcsFile.Destination.ToFile(out), false, true));
        } catch (IcalFormatException refused) {
            // Documented: the whole calendar cannot be read; then nothing is written, not even part of it.
            assertThat(out).as("no output for a refused calendar").doesNotExist();
            assertOnlyInput(dir, in);
            count("engine:refused");
            Files.delete(in);
            Files.delete(dir);
            return;
        }
        assertOnlyInput(dir, in, out);
        byte[] written = Files.readAllBytes(out);
        for (ComponentPlan c : decisions.components) {
            count("engine:" + c.outcome().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            if (c.outcome() instanceof Outcome.Migrated m) {
                GoldenRule.check(c.original(), m.bytes(), m.edits());
            }
        }
        assertSameExceptMigrated(calendar, written, decisions.components);
        Files.delete(in);
        Files.delete(out);
        Files.delete(dir);
    }

    /** Only the given files in the directory: no temporary file left behind. */
    private static void assertOnlyInput(Path dir, Path... expected) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactlyInAnyOrder(expected);
        }
    }

    /** Item by item, the output is the input, except VEVENTs whose migrated version the engine reported. */
    private static void assertSameExceptMigrated(byte[] before, byte[] after, List<ComponentPlan> plans) {
        List<byte[]> a = GoldenRule.items(before);
        List<byte[]> b = GoldenRule.items(after);
        assertThat(b).as("the output has the input's items").hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            if (Arrays.equals(a.get(i), b.get(i))) {
                continue;
            }
            byte[] old = a.get(i);
            byte[] now = b.get(i);
            assertThat(plans).as("item %d changed: it must be a migrated meeting", i)
                    .anyMatch(p -> p.outcome() instanceof Outcome.Migrated m && Arrays.equals(p.original(), old) && Arrays.equals(m.bytes(), now));
        }
    }


    private void throughImportAndTheService(byte[] calendar, boolean migrate) {
        clear();
        User alice = service.directory.findUser(ServiceHarness.TENANT, ORGANIZER).orElseThrow().value();
        try {
            service.admin.importCalendar(ServiceHarness.TENANT, ORGANIZER, calendar);
        } catch (AdminException.BadRequest refused) {
            // Documented: a calendar that cannot be read, or a value the store cannot keep, is refused whole.
            assertThat(stored()).as("a refused import stores nothing").isEmpty();
            assertThat(refused.getMessage().chars().filter(ch -> ch < 0x20 || ch == 0x7F)).as("one printable line: %s", refused.getMessage())
                    .isEmpty();
            count("import:refused");
            return;
        }
        Map<String, byte[]> before = stored();
        for (byte[] resource : before.values()) {
            assertEventsCameFrom(resource, calendar);
        }
        count("import:stored");
        if (!migrate) {
            return;
        }
        service.clock.set(NOW);
        service.admin.startMigration(ServiceHarness.TENANT, ORGANIZER, new Requests.StartMigration(MigrationType.SourceMeetingType.ALL,
                MigrationType.TargetMeetingType.CURRENT));
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isOne();

        Views.MigrationStatus status = service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(java.util.Optional.of(ORGANIZER), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty())).getLast();
        assertThat(status.LastMessage()).as("no undocumented failure").doesNotContain("internal error").doesNotContain("\n");
        assertThat(status.State()).isIn("Succeeded", "Pending", "Failed");
        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice.id())).as("no write left half-done").isEmpty();
        Map<String, byte[]> after = stored();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((href, old) -> {
            byte[] now = after.get(href);
            if (Arrays.equals(old, now)) {
                count("service:unchanged");
            } else {
                GoldenRule.checkResource(old, now);
                count("service:migrated");
            }
        });
    }

    /** Every component the import stored is a byte-for-byte copy of one in the imported calendar. */
    private static void assertEventsCameFrom(byte[] resource, byte[] calendar) {
        for (byte[] item : GoldenRule.items(resource)) {
            if (new String(item, 0, Math.min(item.length, 12), StandardCharsets.ISO_8859_1).equals("BEGIN:VEVENT")) {
                assertThat(CalendarMutations.find(calendar, item)).as("a stored VEVENT is a copy of the imported one").isNotEmpty();
            }
        }
    }

    private Map<String, byte[]> stored() {
        Map<String, byte[]> resources = new HashMap<>();
        service.db.jdbi().useHandle(h -> h.createQuery("SELECT href, data FROM calendar_resource").map((rs, ctx) -> {
            resources.put(rs.getString(1), rs.getBytes(2));
            return null;
        }).list());
        return resources;
    }

    /** Each case starts from an empty mailbox and queue: the test's own reset, not a service operation. */
    private static void clear() {
        service.db.jdbi().useHandle(h -> {
            for (String table : List.of("outbox_content", "outbox_message", "meeting_change", "migration_request", "calendar_resource",
                    "calendar_frame")) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    private void count(String what) {
        seen.merge(what, 1, Integer::sum);
    }
}
