package org.mms.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.block.BlockDiff;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mms demo}: the service end to end on the embedded default, in a temporary data directory.
 * It loads a sample organization, makes the changes admins make (users moved online, a number taken
 * off the bridge) with the cmdlets, and shows the migrations through to the update messages.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the service in a temporary data directory, loads a sample organization (organizers on "
            + "Skype for Business on-premises and on Teams, with realistic calendars), moves some users online and takes a "
            + "number off the dial-in bridge with the cmdlets, and follows the migrations to the update messages.", ""})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--organizers", defaultValue = "24", paramLabel = "N", description = "Organizers in the sample. Default: ${DEFAULT-VALUE}.")
    int organizers;

    @Option(names = "--events", defaultValue = "30", paramLabel = "N", description = "Calendar events per organizer. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--keep", description = "Keep the service running afterwards for the dashboard (until Ctrl-C), and keep the "
            + "data directory (its path is printed). On a terminal the service keeps running anyway; elsewhere (CI, scripts) the "
            + "demo ends after its steps unless --keep is given.")
    boolean keep;

    @picocli.CommandLine.ParentCommand
    MmsCommand mms;

    /** How long a stop (Ctrl-C) waits for the clean-up after {@link #keepServing}. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(40);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path data = Files.createTempDirectory("mms-demo-");
        PrintStream out = mms.out;
        ServiceConfig defaults = ServiceConfig.defaults(data);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(2, Duration.ofMillis(100), Duration.ofMinutes(2)));
        Instant now = Instant.now();
        SampleOrganization sample = new SampleOrganization(organizers);
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            Map<String, String> env = new HashMap<>(mms.env);
            env.put("MMS_URL", "http://127.0.0.1:" + service.port());
            env.put("MMS_DATA", data.toString());
            env.remove("MMS_TOKEN");
            Cmdlets cmd = new Cmdlets(env, out);
            out.printf("MMS demo: the service runs on http://127.0.0.1:%d with its data in %s%n%n", service.port(), data);

            Path directory = data.resolve("sample-directory.json");
            Files.writeString(directory, sample.directoryJson());
            cmd.run("Import-CsDirectory", "-Path", directory.toString());
            int meetings = 0;
            for (int i = 0; i < sample.organizers().size(); i++) {
                SampleOrganization.Organizer o = sample.organizers().get(i);
                Path ics = data.resolve(o.localPart() + ".ics");
                Files.write(ics, sample.calendar(o, now, events, 1000 + i));
                Views.ImportResult imported = service.admin().importCalendar(MmsService.FIRST_TENANT, o.upn(), Files.readAllBytes(ics));
                meetings += imported.Created();
            }
            out.printf("> Import-CsCalendar -Identity <each organizer> -Path <their export>   (%d organizers, %d meetings)%n%n",
                    sample.organizers().size(), meetings);
            cmd.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "2");

            List<SampleOrganization.Organizer> onPrem = sample.organizers().stream().filter(SampleOrganization.Organizer::onPremises).toList();
            List<SampleOrganization.Organizer> moving = onPrem.subList(0, Math.min(4, onPrem.size()));
            cmd.run("Move-CsUser", "-Identity", moving.getFirst().upn(), "-Target", "sipfed.online.lync.com");
            for (SampleOrganization.Organizer o : moving.subList(1, moving.size())) {
                cmd.quiet("Move-CsUser", "-Identity", o.upn(), "-Target", "sipfed.online.lync.com");
            }
            out.printf("> Move-CsUser -Identity <%d more on-premises organizers> -Target sipfed.online.lync.com%n%n", moving.size() - 1);
            cmd.run("Unregister-CsOnlineDialInConferencingServiceNumber", "-Identity", SampleOrganization.TOLL_FREE, "-BridgeName",
                    SampleOrganization.BRIDGE, "--json", "-quiet");

            String last = "";
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                String table = cmd.capture("Get-CsMeetingMigrationStatus", "-SummaryOnly");
                if (!table.equals(last)) {
                    out.println("> Get-CsMeetingMigrationStatus -SummaryOnly   (" + elapsed(started) + ")");
                    out.println(table);
                    out.println();
                    last = table;
                }
                List<Views.StateCount> counts = service.admin().migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
                boolean busy = counts.stream().anyMatch(c -> (c.State().equals("Pending") || c.State().equals("InProgress")) && c.UserCount() > 0);
                long unsent = service.outbox().counts().entrySet().stream()
                        .filter(e -> !e.getKey().equals("SENT") && !e.getKey().equals("FAILED")).mapToLong(Map.Entry::getValue).sum();
                if (!busy && unsent == 0) {
                    break;
                }
                Thread.sleep(250);
            }

            showOneInvitation(service, onPrem.getFirst(), out);
            showOneSkip(service, out);
            long messages;
            try (Stream<Path> files = Files.list(config.mail().pickupDirectory())) {
                messages = files.filter(p -> p.toString().endsWith(".eml")).count();
            }
            out.printf("%d update messages (iMIP, .eml) were written to %s%n", messages, config.mail().pickupDirectory());
            boolean stay = keep || interactive();
            out.printf("Demo finished in %s. %s%n", elapsed(started), keep ? "The data directory stays: " + data
                    : stay ? "The data directory is removed when you stop the service."
                    : "The data directory is removed now; run ./mms demo --keep to look at the messages, the database and the dashboard.");
            if (stay) {
                keepServing(service, data, out);
            }
        } finally {
            try {
                if (!keep) {
                    deleteTree(data);
                }
            } finally {
                cleanedUp.countDown();
            }
        }
        return ExitCodes.OK;
    }

    /** Whether a person watches: standard input and output are a terminal. */
    private static boolean interactive() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    /**
     * Serves the dashboard until the process is stopped (Ctrl-C): the stop only wakes this thread, which then
     * returns through the usual clean-up (service closed, data directory removed unless kept) before the JVM ends.
     */
    private void keepServing(MmsService service, Path data, PrintStream out) throws IOException, InterruptedException {
        String token = Files.readString(data.resolve(MmsService.ADMIN_TOKEN_FILE)).strip();
        out.printf("%nDashboard: http://127.0.0.1:%d/%nSign in with this demo's admin token: %s%nThe service keeps running; Ctrl-C stops it.%n",
                service.port(), token);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            stopped.countDown();
            try {
                cleanedUp.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        stopped.await();
    }

    /** One migrated invitation of a user who moved online: the block before and after. */
    private static void showOneInvitation(MmsService service, SampleOrganization.Organizer organizer, PrintStream out) {
        for (Views.MigrationStatus status : service.admin().migrationStatus(MmsService.FIRST_TENANT,
                new Requests.StatusQuery(Optional.of(organizer.upn()), Optional.empty(), Optional.empty(), Optional.empty()))) {
            for (Views.MeetingResult meeting : service.admin().migrationMeetings(MmsService.FIRST_TENANT, status.CorrelationId())) {
                if (!meeting.Outcome().equals("MIGRATED")) {
                    continue;
                }
                Optional<String[]> blocks = service.journal().blocks(MmsService.FIRST_TENANT, status.CorrelationId(), meeting.Uid());
                if (blocks.isPresent()) {
                    out.printf("%nOne invitation of %s (%s), \"%s\": the online-meeting block before (-) and after (+); nothing "
                            + "else in it changed:%n", organizer.upn(), status.MigrationType(), meeting.Subject());
                    BlockDiff.lines(blocks.get()[0], blocks.get()[1]).forEach(l -> out.println("    " + l));
                    out.println();
                    return;
                }
            }
        }
    }

    /** One meeting a migration left alone, with the reason. */
    private static void showOneSkip(MmsService service, PrintStream out) {
        for (Views.MigrationStatus status : service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all())) {
            for (Views.MeetingResult meeting : service.admin().migrationMeetings(MmsService.FIRST_TENANT, status.CorrelationId())) {
                if (meeting.Outcome().equals("SKIPPED") && !"PAST".equals(meeting.Reason())) {
                    out.printf("One meeting left alone: \"%s\" of %s -- %s: %s%n%n", meeting.Subject(), status.UserPrincipalName(),
                            meeting.Reason(), meeting.Detail());
                    return;
                }
            }
        }
    }

    private static String elapsed(long started) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs cmdlets as an admin would, against the demo's server, echoing them. */
    private static final class Cmdlets {
        private final Map<String, String> env;
        private final PrintStream out;

        Cmdlets(Map<String, String> env, PrintStream out) {
            this.env = env;
            this.out = out;
        }

        void run(String... args) {
            List<String> shown = Stream.of(args).filter(a -> !a.equals("-quiet") && !a.equals("--json")).toList();
            out.println("> " + String.join(" ", shown.stream().map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList()));
            boolean summarize = List.of(args).contains("-quiet");
            String printed = capture(shown.toArray(String[]::new));
            if (summarize) {
                long queued = printed.lines().filter(l -> l.matches("Decision\\s*:\\s*Queue")).count();
                long others = printed.lines().filter(l -> l.matches("Decision\\s*:.*")).count() - queued;
                out.printf("%d migrations queued, %d users not affected (see Get-CsMeetingMigrationTriggerDecision)%n%n", queued, others);
            } else {
                out.println(printed);
                out.println();
            }
        }

        void quiet(String... args) {
            capture(args);
        }

        String capture(String... args) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int code = MmsCommand.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8), env);
            if (code != ExitCodes.OK) {
                throw new IllegalStateException(args[0] + " failed: " + errors.toString(StandardCharsets.UTF_8).strip());
            }
            return buffer.toString(StandardCharsets.UTF_8).stripTrailing();
        }
    }
}
