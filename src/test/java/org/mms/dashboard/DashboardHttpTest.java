package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.service.MmsService;

/** The dashboard over plain HTTP, no browser: sessions, cookies' flags, CSRF, roles, the security headers and escaping. */
class DashboardHttpTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    private static DashboardService mms;

    @BeforeAll
    static void start() throws Exception {
        mms = new DashboardService(dir.resolve("data"));
        mms.bulkChange();
        mms.awaitMigrations();
    }

    @AfterAll
    static void stop() {
        if (mms != null) {
            mms.close();
        }
    }

    @Test
    void everyPageIsSentWithAStrictContentSecurityPolicyAndCannotBeFramed() throws Exception {
        String session = signIn(mms.reader);
        assertThat(get("/sign-in", null).headers().firstValue("Content-Security-Policy")).hasValue(DashboardRoutes.CSP);
        for (String path : new String[] {"/", "/overview/live", "/migrations", "/changes", "/changes?user=" + URLEncoder.encode(mms.hostile.upn(), StandardCharsets.UTF_8),
                "/migrations/" + mms.firstHostileMigration().CorrelationId()}) {
            HttpResponse<String> page = get(path, session);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
            // The migration page renders HTML blocks in frames, whose style attributes it allows: nothing else.
            assertThat(csp.replace("; style-src-attr 'unsafe-inline'", "")).as(path).isEqualTo(DashboardRoutes.CSP);
            assertThat(csp.contains("style-src-attr")).as(path).isEqualTo(path.startsWith("/migrations/"));
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.body()).as(path).doesNotContainPattern("<script>|<script [^>]*>[^<]|<img");
        }
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteStrictCookieThatIsNotSecureOverPlainHttp() throws Exception {
        HttpResponse<String> answer = post("/sign-in", Optional.empty(), "token=" + URLEncoder.encode(mms.reader, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/");
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("mms_session=").contains("; HttpOnly", "; SameSite=Strict", "; Path=/").doesNotContain("Secure");
        assertThat(cookie).doesNotContain(mms.reader);
    }

    @Test
    void aWrongTokenIsRefusedAndGetsNoSession() throws Exception {
        HttpResponse<String> answer = post("/sign-in", Optional.empty(), "token=mms_not-a-token");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(answer.body()).contains("not valid");
    }

    @Test
    void withoutASessionPagesSendToTheSignInAndTheLiveFragmentIsRefused() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(303);
        assertThat(get("/", null).headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(get("/overview/live", null).statusCode()).isEqualTo(401);
        assertThat(get("/", "mms_session=forged").statusCode()).isEqualTo(303);
    }

    @Test
    void anActionWithoutTheCsrfTokenIsRefusedAndStartsNothing() throws Exception {
        String session = signIn(mms.operator);
        Views.MigrationStatus before = mms.hostileMigration();
        String action = "/migrations/" + before.CorrelationId() + "/migrate-again";

        assertThat(post(action, Optional.of(session), "").statusCode()).isEqualTo(403);
        assertThat(post(action, Optional.of(session), "csrf=guessed").statusCode()).isEqualTo(403);
        assertThat(post(action, Optional.of(signIn(mms.operator)), "csrf=" + csrf(get("/", session).body())).statusCode())
                .as("another session's CSRF token").isEqualTo(403);
        assertThat(mms.hostileMigration().CorrelationId()).isEqualTo(before.CorrelationId());
    }

    @Test
    void aReaderSeesNoActionAndAForgedPostWithItsOwnCsrfTokenIsRefused() throws Exception {
        String session = signIn(mms.reader);
        Views.MigrationStatus before = mms.hostileMigration();
        String page = get("/migrations/" + before.CorrelationId(), session).body();

        assertThat(page).doesNotContain("migrate-again").doesNotContain("Migrate again");
        HttpResponse<String> forged = post("/migrations/" + before.CorrelationId() + "/migrate-again", Optional.of(session),
                "csrf=" + csrf(page));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Reader token cannot do this");
        assertThat(mms.service.access().auditLog(Optional.of(MmsService.FIRST_TENANT), org.mms.access.AuditEvent.Filter.ANY))
                .anySatisfy(e -> {
                    assertThat(e.tokenName()).hasValue("dashboard reader");
                    assertThat(e.result()).isEqualTo(403);
                });
        assertThat(mms.hostileMigration().CorrelationId()).isEqualTo(before.CorrelationId());
        assertThat(get("/settings", session).body()).contains("Admin tokens only").doesNotContain("PasswordSet");
    }

    @Test
    void anOperatorMigratesAgainWithTheFormAndANewMigrationIsQueued() throws Exception {
        String session = signIn(mms.operator);
        Views.MigrationStatus before = mms.hostileMigration();
        String page = get("/migrations/" + before.CorrelationId(), session).body();

        HttpResponse<String> done = post("/migrations/" + before.CorrelationId() + "/migrate-again", Optional.of(session), "csrf=" + csrf(page));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).startsWith("/migrations?user=");
        Views.MigrationStatus after = mms.hostileMigration();
        assertThat(after.CorrelationId()).isNotEqualTo(before.CorrelationId());
        assertThat(after.MigrationType()).isEqualTo(before.MigrationType());
        assertThat(mms.service.access().auditLog(Optional.of(MmsService.FIRST_TENANT), org.mms.access.AuditEvent.Filter.ANY))
                .anySatisfy(e -> {
                    assertThat(e.tokenName()).hasValue("dashboard operator");
                    assertThat(e.action()).isEqualTo("POST /migrations/{correlationId}/migrate-again");
                    assertThat(e.target()).isEqualTo(before.CorrelationId());
                    assertThat(e.result()).isEqualTo(303);
                });
        mms.awaitMigrations();
    }

    @Test
    void aMigrationAwaitingApprovalIsDeniedWithItsButtonAndUndoQueuesAnUndo() throws Exception {
        String session = signIn(mms.operator);
        mms.requireApproval(true);
        try {
            Views.MigrationStatus first = mms.firstHostileMigration();
            String csrf = csrf(get("/", session).body());
            assertThat(post("/migrations/" + first.CorrelationId() + "/migrate-again", Optional.of(session), "csrf=" + csrf).statusCode())
                    .isEqualTo(303);
            Views.MigrationStatus held = mms.hostileMigration();
            assertThat(held.State()).isEqualTo("AwaitingApproval");
            assertThat(get("/migrations/" + held.CorrelationId(), session).body()).contains(">Approve<", ">Deny<");

            HttpResponse<String> denied = post("/migrations/" + held.CorrelationId() + "/deny", Optional.of(session), "csrf=" + csrf);

            assertThat(denied.statusCode()).isEqualTo(303);
            assertThat(mms.service.admin().migration(MmsService.FIRST_TENANT, held.CorrelationId()).orElseThrow().State()).isEqualTo("Denied");
        } finally {
            mms.requireApproval(false);
        }
        String page = get("/migrations/" + mms.firstHostileMigration().CorrelationId(), session).body();
        HttpResponse<String> undo = post("/migrations/" + mms.firstHostileMigration().CorrelationId() + "/undo", Optional.of(session),
                "csrf=" + csrf(page));

        assertThat(undo.statusCode()).isEqualTo(303);
        assertThat(mms.hostileMigration().MigrationType()).isEqualTo("Undo");
        assertThat(undo.headers().firstValue("Location")).hasValue("/migrations/" + mms.hostileMigration().CorrelationId());
        mms.awaitMigrations();
        assertThat(get("/migrations/" + mms.hostileMigration().CorrelationId(), session).body())
                .as("an undo is not migrated again").doesNotContain("migrate-again").contains("State changes of this migration");
    }

    @Test
    void aHostileMeetingTitleIsShownAsTextOnTheMigrationPage() throws Exception {
        String page = get("/migrations/" + mms.firstHostileMigration().CorrelationId(), signIn(mms.reader)).body();

        assertThat(page).contains(Markup.escape(DashboardService.HOSTILE_TITLE)).doesNotContain(DashboardService.HOSTILE_TITLE)
                .doesNotContain("<img");
        assertThat(page).contains("class=\"del\"", "class=\"ins\"");
    }

    @Test
    void aHostileHtmlBlockIsRenderedOnlySanitizedInASandboxedFrameAsAnEscapedSrcdoc() throws Exception {
        String page = get("/migrations/" + mms.firstHostileMigration().CorrelationId(), signIn(mms.reader)).body();

        assertThat(page).doesNotContain(DashboardService.HOSTILE_BLOCK_HTML).doesNotContain("<script>document.title", "<form action=\"/sign-out");
        Elements frames = Jsoup.parse(page).select("details.rendered iframe");
        assertThat(frames).isNotEmpty();
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.attributes().get("sandbox")).as("every restriction, none lifted").isEmpty();
            assertThat(f.hasAttr("sandbox")).isTrue();
            assertThat(f.attr("srcdoc")).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript:")
                    .doesNotContain("data:", "<iframe", "<form", "<img", "url(");
        });
        assertThat(frames.stream().map(f -> f.attr("srcdoc"))).as("the block before, sanitized")
                .anySatisfy(before -> assertThat(before).contains("<p style=\"color:#c00\">Kept red</p>", "<p>Fetched background</p>"));
        assertThat(frames.stream().map(f -> f.attr("srcdoc"))).as("the block after, as rendered").anySatisfy(after -> assertThat(after)
                .contains("Join").doesNotContain("Kept red"));
    }

    @Test
    void theMigrationsAreFilteredByStateTypeUserAndTimeAndSearched() throws Exception {
        String session = signIn(mms.reader);
        java.util.List<Views.MigrationStatus> all = mms.service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
        String hostileType = mms.firstHostileMigration().MigrationType();
        String someoneElse = all.stream().map(Views.MigrationStatus::UserPrincipalName).filter(u -> !u.equals(mms.hostile.upn()))
                .findFirst().orElseThrow();

        assertThat(get("/migrations", session).body()).contains(all.size() + " migrations");
        assertThat(get("/migrations?state=Failed", session).body()).contains("0 migrations");
        assertThat(get("/migrations?hours=1&state=Succeeded", session).body()).contains(someoneElse, mms.hostile.upn());
        assertThat(get("/migrations?type=" + hostileType, session).body()).contains(mms.hostile.upn());
        String searched = get("/migrations?q=" + URLEncoder.encode(mms.hostile.upn().substring(0, 5), StandardCharsets.UTF_8), session).body();
        assertThat(searched).contains(mms.hostile.upn()).doesNotContain(">" + someoneElse + "<");
        String byUser = get("/migrations?user=" + URLEncoder.encode(someoneElse, StandardCharsets.UTF_8), session).body();
        assertThat(byUser).contains(someoneElse).doesNotContain(">" + mms.hostile.upn() + "<");
    }

    @Test
    void anUnknownOrMalformedMigrationIsNotFound() throws Exception {
        String session = signIn(mms.reader);

        assertThat(get("/migrations/" + java.util.UUID.randomUUID(), session).statusCode()).isEqualTo(404);
        assertThat(get("/migrations/not-an-id", session).statusCode()).isEqualTo(404);
        assertThat(get("/migrations?user=nobody@nowhere.example", session).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherTenantsTokenSeesNoneOfThisTenantsMigrations() throws Exception {
        String other = mms.service.access().createTenant("fabrikam", "Fabrikam", java.util.List.of("fabrikam.example")).adminToken().secret();
        String session = signIn(other);

        assertThat(get("/migrations/" + mms.firstHostileMigration().CorrelationId(), session).statusCode()).isEqualTo(404);
        assertThat(get("/migrations", session).body()).contains("0 migrations").doesNotContain(mms.hostile.upn());
        assertThat(get("/changes", session).body()).contains("0 trigger decisions");
        HttpResponse<String> act = post("/migrations/" + mms.firstHostileMigration().CorrelationId() + "/migrate-again", Optional.of(session),
                "csrf=" + csrf(get("/", session).body()));
        assertThat(act.statusCode()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String session = signIn(mms.reader);
        String csrf = csrf(get("/", session).body());

        assertThat(post("/sign-out", Optional.of(session), "").statusCode()).as("sign-out without the CSRF token").isEqualTo(403);
        HttpResponse<String> out = post("/sign-out", Optional.of(session), "csrf=" + csrf);

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get("/", session).statusCode()).isEqualTo(303);
    }

    @Test
    void aRevokedTokenEndsItsSessions() throws Exception {
        String token = mms.service.access().issue(MmsService.FIRST_TENANT, "soon revoked", org.mms.access.Role.READER, Optional.empty()).secret();
        String session = signIn(token);
        assertThat(get("/", session).statusCode()).isEqualTo(200);

        mms.service.access().revoke(MmsService.FIRST_TENANT, "soon revoked");

        assertThat(get("/", session).statusCode()).isEqualTo(303);
    }

    @Test
    void theOverviewShowsTheStateCountsAndTheSettingsShowNoSecret() throws Exception {
        String session = signIn(mms.admin);
        String live = get("/overview/live", session).body();
        long succeeded = mms.service.admin().migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).stream()
                .filter(c -> c.State().equals("Succeeded")).findFirst().orElseThrow().UserCount();

        assertThat(live).contains("id=\"state-Succeeded\">" + succeeded + "<", "<svg");
        assertThat(get("/settings", session).body()).contains("PasswordSet", "Test the connection", "NotifyOrganizerBeforeMinutes",
                "RequireApproval", "ApprovalThresholdMeetings", "MaxUpdatesPerHour", "QuietHoursStart", "QuietHoursEnd", "QuietHoursTimeZone");
    }

    private static String signIn(String token) throws Exception {
        HttpResponse<String> answer = post("/sign-in", Optional.empty(), "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mms.url() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Optional<String> cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mms.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        cookie.ifPresent(c -> request.header("Cookie", c));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
