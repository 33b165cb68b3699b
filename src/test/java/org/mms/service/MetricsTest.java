package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mms.access.Role;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.config.ServiceConfig;
import org.mms.itip.mail.SmtpSettings;
import org.mms.queue.MigrationState;
import org.mms.sample.SampleOrganization;
import org.mms.testing.HostileCalendars;
import org.mms.testing.PrometheusText;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /metrics} of a real service (embedded H2, updates sent to GreenMail by SMTP) while it
 * migrates: the figures agree with {@code Get-CsMeetingMigrationStatus}, the meeting detail and the
 * outbox; only a metrics token (or the service operator's) reads them; no title, user or raw path reaches
 * a label; and the shipped Grafana dashboard and alert rules name only metrics the scrape has.
 */
class MetricsTest {

    /** Quotes, a brace and an escaped newline: what would break a hand-written exposition, and a marker to look for. */
    private static final String HOSTILE_TITLE = "Q3 \"} mms_injected_total 1\\n# EVIL-7f3a {tenant=\"x\"}";
    private static final String MARKER = "EVIL-7f3a";
    private static final int ORGANIZERS = 3;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path dir;

    private static MmsService service;
    private static String metricsToken;
    private static String adminToken;
    private static PrometheusText duringSettle;
    private static List<Views.StateCount> summaryDuringSettle;
    private static PrometheusText settled;
    private static final List<Long> totalsWhileRunning = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void migrate() throws Exception {
        ServiceConfig defaults = ServiceConfig.defaults(dir);
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE, Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1000);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(2, Duration.ofMillis(20), Duration.ofMinutes(2)))
                .withMail(new ServiceConfig.Mail(defaults.mail().pickupDirectory(), Optional.of("mms@contoso.com"), Optional.of(smtp), 2));
        service = MmsService.start(config, Clock.systemUTC());
        metricsToken = Files.readString(dir.resolve(MmsService.METRICS_TOKEN_FILE)).strip();
        adminToken = Files.readString(dir.resolve(MmsService.ADMIN_TOKEN_FILE)).strip();

        SampleOrganization org = new SampleOrganization(ORGANIZERS);
        Instant now = Instant.now();
        var admin = service.admin();
        admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
        for (SampleOrganization.Organizer o : org.organizers()) {
            byte[] calendar = org.calendar(o, now, 12, o.upn().hashCode());
            admin.importCalendar(MmsService.FIRST_TENANT, o.upn(), HostileCalendars.withSummaries(calendar, HOSTILE_TITLE));
        }
        // A settle window long enough to scrape while every request still waits in the queue.
        admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                Optional.of(10L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        admin.unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);

        summaryDuringSettle = admin.migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
        duringSettle = PrometheusText.parse(scrape(metricsToken).body());

        waitFor(() -> {
            List<Views.MigrationStatus> all = admin.migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            // Scraped while the workers run: each scrape must still account for every request, in some state.
            totalsWhileRunning.add(PrometheusText.parse(scrape(metricsToken).body()).count("mms_migrations", Map.of("tenant", "default")));
            return !all.isEmpty() && all.stream().noneMatch(s -> s.State().equals("Pending") || s.State().equals("InProgress"));
        }, "the migrations to finish");
        int invites = admin.migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).stream()
                .mapToInt(Views.MigrationStatus::InvitesUpdate).sum();
        waitFor(() -> service.outbox().counts().get("SENT") == invites, "every update to be sent");
        // Requests the scrapes make go into the metrics too: one of a user's route and one no route has.
        call("/api/v1/users/" + org.organizers().getFirst().upn(), adminToken);
        call("/no/such/" + org.organizers().getFirst().upn(), adminToken);
        // The database's counts are read again at most every few seconds: wait for a reading taken after the last change.
        waitFor(() -> PrometheusText.parse(scrape(metricsToken).body()).count("mms_updates", Map.of("state", "SENT")) == invites,
                "a scrape that shows every update sent");
        settled = PrometheusText.parse(scrape(metricsToken).body());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void while_the_requests_settle_the_queue_depth_is_the_pending_count_of_the_status_summary() {
        long pending = summaryDuringSettle.stream().filter(s -> s.State().equals("Pending")).mapToLong(Views.StateCount::UserCount).sum();
        assertThat(pending).as("the change queued a request per organizer on the bridge").isPositive();

        assertThat(duringSettle.count("mms_queue_depth", Map.of("tenant", "default"))).isEqualTo(pending);
        assertThat(duringSettle.count("mms_migrations", Map.of("tenant", "default", "state", "Pending"))).isEqualTo(pending);
        assertThat(duringSettle.sum("mms_queue_oldest_due_age_seconds", Map.of("tenant", "default"))).as("none is due yet").isZero();
    }

    @Test
    void every_scrape_while_the_workers_ran_accounted_for_every_request() {
        long requests = service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).size();

        assertThat(totalsWhileRunning).isNotEmpty().allSatisfy(total -> assertThat(total).isEqualTo(requests));
    }

    @Test
    void every_state_of_the_enum_is_a_series_and_the_counts_match_the_status_summary() {
        List<Views.StateCount> summary = service.admin().migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
        for (MigrationState state : MigrationState.values()) {
            long expected = summary.stream().filter(s -> s.State().equals(state.displayName())).mapToLong(Views.StateCount::UserCount).sum();
            assertThat(settled.matching("mms_migrations", Map.of("tenant", "default", "state", state.displayName())))
                    .as(state.displayName()).isNotEmpty();
            assertThat(settled.count("mms_migrations", Map.of("tenant", "default", "state", state.displayName())))
                    .as(state.displayName()).isEqualTo(expected);
        }
        Map<String, Long> byType = new HashMap<>();
        service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all())
                .forEach(s -> byType.merge(s.MigrationType(), 1L, Long::sum));
        byType.forEach((type, n) -> assertThat(settled.count("mms_migrations", Map.of("tenant", "default", "type", type))).as(type).isEqualTo(n));
        assertThat(settled.count("mms_queue_depth", Map.of())).isZero();
    }

    @Test
    void the_meetings_by_outcome_and_reason_are_the_migration_details_counted() {
        Map<Map<String, String>, Long> detail = new HashMap<>();
        for (Views.MigrationStatus s : service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all())) {
            for (Views.MeetingResult m : service.admin().migrationMeetings(MmsService.FIRST_TENANT, s.CorrelationId())) {
                detail.merge(Map.of("outcome", m.Outcome(), "reason", m.Reason() == null ? "none" : m.Reason()), 1L, Long::sum);
            }
        }
        assertThat(detail.keySet()).as("meetings migrated").anyMatch(k -> k.get("outcome").equals("MIGRATED"));

        List<PrometheusText.Sample> series = settled.matching("mms_meetings", Map.of("tenant", "default"));
        assertThat(series).hasSize(detail.size());
        detail.forEach((labels, n) -> assertThat(settled.count("mms_meetings", labels)).as(labels.toString()).isEqualTo(n));
    }

    @Test
    void the_updates_sent_are_the_outbox_and_the_invites_of_the_status() {
        Map<String, Long> outbox = service.outbox().counts();
        int invites = service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).stream()
                .mapToInt(Views.MigrationStatus::InvitesUpdate).sum();

        assertThat(invites).isPositive();
        outbox.forEach((state, n) -> assertThat(settled.count("mms_updates", Map.of("tenant", "default", "state", state))).as(state).isEqualTo(n));
        assertThat(settled.count("mms_updates", Map.of("state", "SENT"))).isEqualTo(invites);
        assertThat(settled.count("mms_outbox_depth", Map.of())).isZero();
        assertThat(settled.sum("mms_outbox_oldest_age_seconds", Map.of())).isZero();
        assertThat(SMTP.getReceivedMessages()).as("what the figure counts reached the mail server").isNotEmpty();
    }

    @Test
    void the_calendar_store_the_loops_the_pool_and_the_jvm_are_measured() {
        long migrations = service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).size();
        assertThat(migrations).isPositive();
        assertThat(settled.count("mms_calendar_store_requests_seconds_count", Map.of("store", "embedded", "operation", "forEachCandidate",
                "status", "ok"))).as("each migration reads its organizer's calendar").isGreaterThanOrEqualTo(migrations);
        assertThat(settled.count("mms_calendar_store_requests_seconds_count", Map.of("store", "embedded", "operation", "putAll")))
                .isPositive();
        assertThat(settled.matching("mms_calendar_store_requests_seconds_bucket", Map.of("store", "embedded"))).isNotEmpty();
        assertThat(settled.matching("mms_loop_up", Map.of("kind", "migration-worker"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.value()).isEqualTo(1.0));
        assertThat(settled.matching("mms_loop_up", Map.of("kind", "outbox-sender"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.value()).isEqualTo(1.0));
        assertThat(settled.count("mms_loop_thread_deaths_total", Map.of())).isZero();
        assertThat(settled.count("hikaricp_connections_max", Map.of("pool", "mms"))).isEqualTo(service.config().database().poolSize());
        assertThat(settled.names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void http_requests_are_labelled_by_route_template_never_by_the_path_sent() {
        assertThat(settled.matching("mms_http_requests_seconds_count", Map.of("route", "/api/v1/users/{identity}", "status", "200")))
                .isNotEmpty();
        assertThat(settled.matching("mms_http_requests_seconds_count", Map.of("route", "unmatched", "status", "404"))).isNotEmpty();
        assertThat(settled.count("mms_http_requests_seconds_count", Map.of("route", "/metrics", "status", "200"))).isPositive();
        Set<String> routes = new TreeSet<>();
        settled.matching("mms_http_requests_seconds_count", Map.of()).forEach(s -> routes.add(s.labels().get("route")));
        Set<String> known = new TreeSet<>(service.routes().stream().map(r -> r.path()).toList());
        known.add("unmatched");
        assertThat(known).containsAll(routes);
    }

    @Test
    void no_title_user_or_address_reaches_the_metrics() throws Exception {
        String text = scrape(metricsToken).body();

        assertThat(text).doesNotContain(MARKER).doesNotContain("mms_injected").doesNotContain("@");
        for (String line : text.split("\n")) {
            assertThat(line).as("one sample or comment per line").matches("(# (HELP|TYPE) .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+( \\S+)?)");
        }
        assertThat(dir.resolve(MmsService.METRICS_TOKEN_FILE)).satisfies(f -> assertThat(Files.getPosixFilePermissions(f).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]"));
    }

    @Test
    void only_the_metrics_token_and_the_service_operator_read_the_metrics() throws Exception {
        String operator = Files.readString(dir.resolve(MmsService.OPERATOR_TOKEN_FILE)).strip();
        String reader = service.access().issue(MmsService.FIRST_TENANT, "metrics-test-reader", Role.READER, Optional.empty()).secret();

        assertThat(scrape(null).statusCode()).as("no token").isEqualTo(401);
        assertThat(scrape("mms_not-a-token").statusCode()).as("a wrong token").isEqualTo(401);
        assertThat(scrape(adminToken).statusCode()).as("a tenant's admin: the figures are every tenant's").isEqualTo(403);
        assertThat(scrape(reader).statusCode()).as("a tenant's reader").isEqualTo(403);
        assertThat(scrape(operator).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = scrape(metricsToken);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        int refused = 0;
        for (org.mms.api.Route route : service.routes()) {
            if (route.method().equals("GET") && !route.path().equals("/metrics") && !Set.of("/health", "/ready", "/api/v1/openapi.json").contains(route.path())) {
                assertThat(call(route.path().replaceAll("\\{[^}]+}", "x"), metricsToken).statusCode()).as("the metrics token on " + route)
                        .isEqualTo(403);
                refused++;
            }
        }
        assertThat(refused).as("the metrics token reads nothing else").isGreaterThan(10);
        assertThat(scrape(null).body()).doesNotContain("mms_migrations");
    }

    @Test
    void the_grafana_dashboard_and_the_alert_rules_name_only_metrics_the_service_exports() throws Exception {
        Set<String> exported = settled.names();
        Path ops = Path.of("ops");

        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(ops.resolve("grafana/mms-dashboard.json")));
        List<String> dashboardQueries = new java.util.ArrayList<>();
        collect(dashboard, dashboardQueries);
        assertThat(dashboardQueries).hasSizeGreaterThan(15);

        Map<String, Object> rules = new Yaml().load(Files.readString(ops.resolve("prometheus/mms-alerts.yml")));
        List<String> alertQueries = new java.util.ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> r = (Map<?, ?>) rule;
                assertThat(r.get("alert")).isInstanceOf(String.class);
                alertQueries.add((String) r.get("expr"));
            }
        }
        assertThat(alertQueries).hasSizeGreaterThanOrEqualTo(4);
        assertThat(String.join("\n", alertQueries)).contains("mms_migrations{state=\"Failed\"}", "mms_loop_up", "mms_outbox_depth",
                "mms_calendar_store_requests_seconds_count");

        for (String query : concat(dashboardQueries, alertQueries)) {
            Set<String> named = metricNames(query);
            if (named.isEmpty()) {
                assertThat(query).as("only Prometheus's own up is not one of MMS's").startsWith("up{");
            }
            assertThat(exported).as(query).containsAll(named);
        }
    }

    private static final Pattern METRIC = Pattern.compile("\\b((?:mms|hikaricp|jvm|process)_[a-zA-Z0-9_]+)");

    private static Set<String> metricNames(String query) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(query);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every query of the dashboard: the panels' expressions and the template variables' queries. */
    private static void collect(JsonNode node, List<String> queries) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if ((e.getKey().equals("expr") || e.getKey().equals("query")) && e.getValue().isString() && e.getValue().asString().contains("_")) {
                    queries.add(e.getValue().asString());
                } else {
                    collect(e.getValue(), queries);
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(v -> collect(v, queries));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static HttpResponse<String> scrape(String token) {
        return call("/metrics", token);
    }

    private static HttpResponse<String> call(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

}
