package org.mms.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mms.access.Role;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.config.ServiceConfig;
import org.mms.ical.TextEscaping;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;

/**
 * The real service on an embedded database in a temporary directory, with a sample organization whose
 * first on-premises organizer gave every meeting a hostile title, and a token of each role.
 */
final class DashboardService implements AutoCloseable {

    static final String HOSTILE_TITLE = read("/dashboard/hostile-title.txt");
    /** Put in the HTML body's block of each of the hostile organizer's meetings, after its join link. */
    static final String HOSTILE_BLOCK_HTML = read("/dashboard/hostile-block.html");

    final MmsService service;
    final SampleOrganization org = new SampleOrganization(6);
    final SampleOrganization.Organizer hostile;
    final String admin;
    final String operator;
    final String reader;

    DashboardService(Path data) throws IOException {
        ServiceConfig config = ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(2, Duration.ofMillis(50), Duration.ofMinutes(2)));
        service = MmsService.start(config, Clock.systemUTC());
        admin = Files.readString(data.resolve(MmsService.ADMIN_TOKEN_FILE)).strip();
        operator = service.access().issue(MmsService.FIRST_TENANT, "dashboard operator", Role.OPERATOR, Optional.empty()).secret();
        reader = service.access().issue(MmsService.FIRST_TENANT, "dashboard reader", Role.READER, Optional.empty()).secret();
        service.admin().importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
        hostile = org.organizers().stream().filter(SampleOrganization.Organizer::onPremises).findFirst().orElseThrow();
        Instant now = Instant.now();
        for (int i = 0; i < org.organizers().size(); i++) {
            SampleOrganization.Organizer o = org.organizers().get(i);
            String ics = new String(org.calendar(o, now, 12, 1000 + i), StandardCharsets.UTF_8);
            if (o.equals(hostile)) {
                ics = ics.replaceAll("(?m)^SUMMARY([;:][^\r\n]*)", "SUMMARY:" + java.util.regex.Matcher.quoteReplacement(HOSTILE_TITLE));
                ics = withHostileBlockHtml(ics);
            }
            service.admin().importCalendar(MmsService.FIRST_TENANT, o.upn(), ics.getBytes(StandardCharsets.UTF_8));
        }
        service.admin().setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                Optional.of(1L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** Every migration waits for an approval, or none. */
    void requireApproval(boolean required) {
        service.admin().setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(required), Optional.empty()));
    }

    /** The calendar with {@link #HOSTILE_BLOCK_HTML} in each HTML block, after the join link's paragraph; its lines left unfolded. */
    private static String withHostileBlockHtml(String ics) {
        String unfolded = ics.replace("\r\n ", "");
        String hostile = unfolded.replaceAll("(?m)^(X-ALT-DESC[^\r\n]*?OutJoinLink[^\r\n]*?</p>)",
                "$1" + java.util.regex.Matcher.quoteReplacement(TextEscaping.escape(HOSTILE_BLOCK_HTML)));
        if (hostile.equals(unfolded)) {
            throw new IllegalStateException("the sample calendar has no HTML block with a join link to put hostile HTML in");
        }
        return hostile;
    }

    String url() {
        return "http://127.0.0.1:" + service.port();
    }

    /** What admins do in bulk: the hostile organizer moved online and a number taken off the bridge (everyone using it). */
    void bulkChange() {
        service.admin().moveUser(MmsService.FIRST_TENANT, hostile.upn(), Requests.MoveTarget.toOnline());
        service.admin().unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
    }

    /** Waits until no migration is pending or in progress (and at least one has succeeded). */
    void awaitMigrations() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            List<Views.StateCount> counts = service.admin().migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            boolean busy = counts.stream().anyMatch(c -> (c.State().equals("Pending") || c.State().equals("InProgress")) && c.UserCount() > 0);
            boolean done = counts.stream().anyMatch(c -> c.State().equals("Succeeded") && c.UserCount() > 0);
            if (!busy && done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the migrations did not finish in 90 s");
    }

    /** The hostile organizer's latest migration. */
    Views.MigrationStatus hostileMigration() {
        return hostileMigrations().max(Comparator.comparing(Views.MigrationStatus::CreateDate)).orElseThrow();
    }

    /** The hostile organizer's first migration: the one that rewrote their meetings. */
    Views.MigrationStatus firstHostileMigration() {
        return hostileMigrations().min(Comparator.comparing(Views.MigrationStatus::CreateDate)).orElseThrow();
    }

    private Stream<Views.MigrationStatus> hostileMigrations() {
        return service.admin().migrationStatus(MmsService.FIRST_TENANT, new Requests.StatusQuery(Optional.of(hostile.upn()),
                Optional.empty(), Optional.empty(), Optional.empty())).stream();
    }

    private static String read(String resource) {
        try (InputStream in = DashboardService.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
