package org.mms.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mms.admin.AdminService;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.SplitCalendar;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;
import org.mms.testing.CalDavServer;
import org.mms.testing.PlainCalDavClient;
import org.mms.testing.RadicaleServer;

/**
 * MMS against a real Radicale, measured against the server's own limit (run by {@code bench/caldav}):
 * first a plain client reads, modifies (a new DTSTAMP) and writes back every event of an organizer's
 * calendar (GET, then PUT with If-Match), the most a migration could do per second on this server; then MMS migrates the same
 * calendar after the organizer's conference ID is reset, twice (the first run warms the JVM up), timed
 * from the change to the migration's end. Prints both rates and their ratio.
 */
public final class CalDavBenchmark {

    private CalDavBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meetings = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path data = Files.createTempDirectory("mms-bench-caldav-");
        try (RadicaleServer server = RadicaleServer.start()) {
            run(server, data, meetings);
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(CalDavServer server, Path data, int meetings) throws Exception {
        SampleOrganization org = new SampleOrganization(2);
        SampleOrganization.Organizer teams = org.organizers().get(1);
        URI calendar = server.makeCalendar(teams.localPart());
        List<URI> urls = new ArrayList<>();
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "CalDAV benchmark: Radicale on loopback, %d cores, java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            for (CalendarObject resource : SplitCalendar.of(org.calendar(teams, now, meetings, 42)).resources()) {
                URI url = calendar.resolve(resource.ref().href());
                if (client.create(url, resource.data()) != 201) {
                    throw new IllegalStateException("could not seed " + url);
                }
                urls.add(url);
            }
            long t0 = System.nanoTime();
            for (URI url : urls) {
                PlainCalDavClient.Fetched current = client.get(url);
                int status = client.replace(url, touched(current.data()), current.etag());
                if (status / 100 != 2) {
                    throw new IllegalStateException("PUT " + url + ": HTTP " + status);
                }
            }
            double rawSeconds = (System.nanoTime() - t0) / 1e9;
            double rawRate = urls.size() / rawSeconds;
            System.out.printf(Locale.ROOT, "plain client, GET + PUT If-Match of each of %d resources: %.1f s, %.0f read-modify-writes/s%n",
                    urls.size(), rawSeconds, rawRate);

            ServiceConfig config = ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                    .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(20), Duration.ofMinutes(5)));
            try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
                AdminService admin = service.admin();
                admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
                admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                        Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                admin.setCalendarStore(MmsService.FIRST_TENANT, new Requests.CalendarStoreChange(Optional.of("CalDav"),
                        Optional.of(server.baseUrl().toString()), Optional.of(server.calendarPathTemplate().replace("{name}", "{user}")),
                        server.username(), server.password().map(org.mms.secret.Secret::new), Optional.empty()));
                for (int round = 1; round <= 2; round++) {
                    Map<URI, byte[]> before = new HashMap<>();
                    urls.forEach(url -> before.put(url, client.get(url).data()));
                    long start = System.nanoTime();
                    admin.setDialInConferencingUser(MmsService.FIRST_TENANT, teams.upn(), new Requests.DialInUserChange(Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), true));
                    Views.MigrationStatus done = ServiceBenchmark.waitUntilDone(service, Optional.of(teams.upn()), round);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long rewritten = urls.stream().filter(url -> !Arrays.equals(before.get(url), client.get(url).data())).count();
                    double rate = rewritten / seconds;
                    System.out.printf(Locale.ROOT, "MMS %s: %s, %d meetings examined, %d resources rewritten in %.2f s from the change: "
                            + "%.0f rewritten/s; ratio to the plain client %.2f%n", round == 1 ? "run 1 (cold JVM)" : "run 2",
                            done.State(), done.TotalMeeting(), rewritten, seconds, rate, rate / rawRate);
                }
            }
        }
    }

    /**
     * The resource with a new DTSTAMP (same length): a real modification, so that the server parses and
     * stores new content as it does for a migration, rather than recognizing bytes it already holds.
     */
    private static byte[] touched(byte[] resource) {
        String stamp = "DTSTAMP:" + DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        return new String(resource, StandardCharsets.UTF_8).replaceAll("DTSTAMP:\\d{8}T\\d{6}Z", stamp).getBytes(StandardCharsets.UTF_8);
    }

}
