package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * Issue 13, defect 4, at the adapter: the store's credentials go with requests to its own origin
 * (scheme, host, port) and with none other, and no redirect is followed. Two real HTTP listeners on
 * this machine, on two ports, so two origins; the foreign one counts the Authorization headers it
 * receives. And defect 10's check of a server before its settings are saved, against answers real
 * servers give rarely (redirects, WebDAV without CalDAV); the real servers' answers are in
 * {@code SetCalendarStoreTriesTheServerTest}.
 */
class CredentialsStayWithTheStoreTest {

    private static final String PASSWORD = "store-Passw0rd-canary";
    private static final Mailbox ALICE = new Mailbox(new TenantId("contoso"), new UserId("alice"));
    private static final ResourceRef REF = new ResourceRef("meeting-1.ics");

    private final TinyHttpServer store = new TinyHttpServer();
    private final TinyHttpServer foreign = new TinyHttpServer();

    @AfterEach
    void stop() {
        store.close();
        foreign.close();
    }

    private CalDavSettings settings() {
        return CalDavSettings.basic(store.baseUrl(), "mms", PASSWORD).withTimeout(Duration.ofSeconds(10));
    }

    private long authorizationsAtForeign() {
        return foreign.requests().stream().filter(r -> r.header("Authorization") != null).count();
    }

    @Test
    void requests_to_the_stores_own_origin_carry_the_credentials() {
        store.answer(request -> TinyHttpServer.Answer.of(404));
        try (CalDavCalendarStore caldav = new CalDavCalendarStore(settings(), MailboxLocator.template(store.baseUrl(), "/cal/{user}/"))) {
            assertThat(caldav.get(ALICE, REF)).isEmpty();
        }
        assertThat(store.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Basic "));
    }

    @Test
    void a_calendar_on_another_origin_gets_no_authorization_header() {
        foreign.answer(request -> TinyHttpServer.Answer.of(404));
        URI elsewhere = foreign.baseUrl().resolve("/cal/alice/");
        try (CalDavCalendarStore caldav = new CalDavCalendarStore(settings(), mailbox -> elsewhere)) {
            caldav.get(ALICE, REF);
        }
        assertThat(foreign.requests()).isNotEmpty();
        assertThat(authorizationsAtForeign()).isZero();
    }

    @Test
    void the_same_host_on_another_port_or_scheme_is_another_origin() {
        DavHttp http = new DavHttp(CalDavSettings.basic(URI.create("https://dav.contoso.com/dav/"), "mms", PASSWORD),
                DavHttp.newClient(settings()));
        assertThat(http.mayAuthenticate(URI.create("https://DAV.contoso.com:443/cal/alice/"))).isTrue();
        assertThat(http.mayAuthenticate(URI.create("https://dav.contoso.com:8443/cal/alice/"))).isFalse();
        assertThat(http.mayAuthenticate(URI.create("http://dav.contoso.com/cal/alice/"))).isFalse();
        assertThat(http.mayAuthenticate(URI.create("https://dav.contoso.com.evil.example/cal/alice/"))).isFalse();
        http.close();
    }

    @Test
    void a_redirect_from_the_store_is_not_followed_so_its_target_gets_nothing() {
        store.answer(request -> TinyHttpServer.Answer.of(302, Map.of("Location", foreign.baseUrl().resolve("/cal/alice/meeting-1.ics").toString())));
        try (CalDavCalendarStore caldav = new CalDavCalendarStore(settings(), MailboxLocator.template(store.baseUrl(), "/cal/{user}/"))) {
            assertThatThrownBy(() -> caldav.get(ALICE, REF)).isInstanceOf(CalendarStoreException.class)
                    .hasMessageNotContaining(PASSWORD);
        }
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void the_check_before_saving_reports_a_redirect_and_does_not_follow_it() {
        store.answer(request -> TinyHttpServer.Answer.of(301, Map.of("Location", foreign.baseUrl().toString())));

        CheckConnection.Outcome outcome = CheckConnection.check(settings());

        assertThat(outcome).isInstanceOf(CheckConnection.NotCalDav.class);
        assertThat(outcome.describe()).contains("redirected", "301", foreign.baseUrl().toString()).doesNotContain(PASSWORD);
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void the_check_before_saving_tells_a_refused_login_from_a_server_without_caldav_and_from_one_that_works() {
        store.answer(request -> TinyHttpServer.Answer.of(401, Map.of("WWW-Authenticate", "Basic realm=\"dav\"")));
        assertThat(CheckConnection.check(settings())).isEqualTo(new CheckConnection.LoginRefused(401));

        String multistatus = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/</d:href><d:propstat><d:prop>"
                + "<d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
                + "</d:response></d:multistatus>";
        store.answer(request -> request.method().equals("OPTIONS") ? TinyHttpServer.Answer.of(200, Map.of("DAV", "1, 2"))
                : TinyHttpServer.Answer.multistatus(multistatus));
        assertThat(CheckConnection.check(settings())).isInstanceOfSatisfying(CheckConnection.NotCalDav.class,
                n -> assertThat(n.describe()).contains("calendar-access"));

        store.answer(request -> request.method().equals("OPTIONS") ? TinyHttpServer.Answer.of(200, Map.of("DAV", "1, 2, calendar-access"))
                : TinyHttpServer.Answer.multistatus(multistatus));
        assertThat(CheckConnection.check(settings())).isEqualTo(new CheckConnection.Works());

        store.answer(request -> TinyHttpServer.Answer.of(200, Map.of("Content-Type", "text/html")));
        assertThat(CheckConnection.check(settings())).isInstanceOfSatisfying(CheckConnection.NotCalDav.class,
                n -> assertThat(n.describe()).contains("HTTP 200 instead of 207"));
    }

    /**
     * Cyrus serves CalDAV under {@code /dav/}: its root answers PROPFIND, naming the account's principal,
     * but OPTIONS there lists no {@code calendar-access}; the principal's OPTIONS does. A principal on
     * another origin is not asked (the credentials would go along).
     */
    @Test
    void the_check_before_saving_asks_the_accounts_principal_when_the_root_does_not_offer_caldav() {
        String principalHere = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/</d:href><d:propstat>"
                + "<d:prop><d:current-user-principal><d:href>/dav/principals/user/mms/</d:href></d:current-user-principal></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
        store.answer(request -> !request.method().equals("OPTIONS") ? TinyHttpServer.Answer.multistatus(principalHere)
                : request.path().equals("/dav/principals/user/mms/") ? TinyHttpServer.Answer.of(200, Map.of("DAV", "1, 2, 3",
                        "X-Unused", "x")) : TinyHttpServer.Answer.of(200));
        assertThat(CheckConnection.check(settings())).isInstanceOf(CheckConnection.NotCalDav.class);

        store.answer(request -> !request.method().equals("OPTIONS") ? TinyHttpServer.Answer.multistatus(principalHere)
                : request.path().equals("/dav/principals/user/mms/") ? TinyHttpServer.Answer.of(200, Map.of("DAV", "calendar-access"))
                : TinyHttpServer.Answer.of(200));
        assertThat(CheckConnection.check(settings())).isEqualTo(new CheckConnection.Works());

        String principalElsewhere = principalHere.replace("<d:href>/dav/principals/user/mms/</d:href>",
                "<d:href>" + foreign.baseUrl().resolve("/dav/principals/user/mms/") + "</d:href>");
        foreign.answer(request -> TinyHttpServer.Answer.of(200, Map.of("DAV", "calendar-access")));
        store.answer(request -> !request.method().equals("OPTIONS") ? TinyHttpServer.Answer.multistatus(principalElsewhere)
                : TinyHttpServer.Answer.of(200));
        assertThat(CheckConnection.check(settings())).isInstanceOf(CheckConnection.NotCalDav.class);
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void the_check_before_saving_says_when_nothing_answers() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CalDavSettings nowhere = CalDavSettings.basic(URI.create("http://127.0.0.1:" + closed + "/"), "mms", PASSWORD)
                .withTimeout(Duration.ofSeconds(5));

        CheckConnection.Outcome outcome = CheckConnection.check(nowhere);

        assertThat(outcome).isInstanceOf(CheckConnection.Unreachable.class);
        assertThat(outcome.describe()).startsWith("the CalDAV server cannot be reached").doesNotContain(PASSWORD);
        assertThat(Optional.of(outcome).map(Object::toString).orElseThrow()).doesNotContain(PASSWORD);
    }
}
