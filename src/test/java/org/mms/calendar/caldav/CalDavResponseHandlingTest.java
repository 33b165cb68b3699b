package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.TransientStoreException;
import org.mms.calendar.WriteResult;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.slf4j.LoggerFactory;

/**
 * How the adapter handles answers that Radicale and Xandikos do not give, from a tiny JDK HTTP server
 * scripted per test: a PUT or GET without an ETag (DAViCal, Cyrus), error statuses, slow answers,
 * redirects, connections closed before an answer. A test of the adapter's handling, not a fake store.
 */
class CalDavResponseHandlingTest {

    private static final String USER = "mms-service";
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String BASIC = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final Mailbox MAILBOX = new Mailbox(new TenantId("contoso"), new UserId("alice"));
    private static final ResourceRef REF = new ResourceRef("meeting-1.ics");

    private final TinyHttpServer server = new TinyHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private CalDavCalendarStore store(Duration timeout) {
        return store(server.baseUrl(), timeout);
    }

    private CalDavCalendarStore store() {
        return store(Duration.ofSeconds(10));
    }

    private static CalDavCalendarStore store(URI base, Duration timeout) {
        CalDavSettings settings = new CalDavSettings(base, Optional.of(USER), Optional.of(PASSWORD),
                CalDavSettings.Scheduling.AUTO, timeout);
        return new CalDavCalendarStore(settings, MailboxLocator.template(base, "/cal/{user}/"));
    }

    private String resourcePath() {
        return "/cal/alice/meeting-1.ics";
    }

    private static String etagMultistatus(String href, String etag) {
        return "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>" + href
                + "</d:href><d:propstat><d:prop><d:getetag>" + etag + "</d:getetag></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
    }

    // ---- no ETag in the answer ----

    @Test
    void a_put_answered_without_an_etag_asks_for_the_etag_before_returning() {
        server.answer(request -> switch (request.method()) {
            case "PUT" -> TinyHttpServer.Answer.of(201);
            case "PROPFIND" -> TinyHttpServer.Answer.multistatus(etagMultistatus(resourcePath(), "\"after-put\""));
            default -> TinyHttpServer.Answer.of(405);
        });

        WriteResult result;
        try (CalDavCalendarStore store = store()) {
            result = store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"before\""));
        }

        assertThat(result).isEqualTo(new WriteResult.Written("\"after-put\""));
        List<TinyHttpServer.Request> requests = server.requests();
        assertThat(requests).extracting(TinyHttpServer.Request::method).containsExactly("PUT", "PROPFIND");
        assertThat(requests.get(0).header("If-Match")).isEqualTo("\"before\"");
        assertThat(requests.get(0).header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        assertThat(requests.get(1).path()).isEqualTo(resourcePath());
        assertThat(requests.get(1).header("Depth")).isEqualTo("0");
        assertThat(requests.get(1).header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(requests.get(1).body()).contains("getetag");
    }

    @Test
    void a_create_answered_without_an_etag_asks_for_it_too() {
        server.answer(request -> switch (request.method()) {
            case "PUT" -> TinyHttpServer.Answer.of(204);
            case "PROPFIND" -> TinyHttpServer.Answer.multistatus(etagMultistatus("http://elsewhere.example" + resourcePath(), "\"new\""));
            default -> TinyHttpServer.Answer.of(405);
        });

        try (CalDavCalendarStore store = store()) {
            assertThat(store.create(MAILBOX, REF, aMeeting("uid-1"))).isEqualTo(new WriteResult.Written("\"new\""));
        }
        assertThat(server.requests().getFirst().header("If-None-Match")).isEqualTo("*");
    }

    @Test
    void a_put_whose_etag_cannot_be_found_at_all_is_a_permanent_failure() {
        server.answer(request -> request.method().equals("PUT") ? TinyHttpServer.Answer.of(201)
                : TinyHttpServer.Answer.multistatus("<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>" + resourcePath()
                        + "</d:href><d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status>"
                        + "</d:propstat></d:response></d:multistatus>"));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.create(MAILBOX, REF, aMeeting("uid-1")))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageContaining("no ETag");
        }
    }

    @Test
    void a_get_answered_without_an_etag_reads_etag_and_data_together_in_a_multiget() {
        String data = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:uid-1\nSUMMARY:From the multiget\nEND:VEVENT\nEND:VCALENDAR\n";
        server.answer(request -> switch (request.method()) {
            case "GET" -> new TinyHttpServer.Answer(200, Map.of("Content-Type", "text/calendar"), "BEGIN:VCALENDAR\r\n…");
            case "REPORT" -> TinyHttpServer.Answer.multistatus("<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                    + "<d:response><d:href>" + resourcePath() + "</d:href><d:propstat><d:prop><d:getetag>\"v7\"</d:getetag>"
                    + "<c:calendar-data><![CDATA[" + data + "]]></c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
                    + "</d:propstat></d:response></d:multistatus>");
            default -> TinyHttpServer.Answer.of(405);
        });

        StoredResource stored;
        try (CalDavCalendarStore store = store()) {
            stored = store.get(MAILBOX, REF).orElseThrow();
        }

        assertThat(stored.etag()).isEqualTo("\"v7\"");
        assertThat(new String(stored.data(), StandardCharsets.UTF_8)).isEqualTo(data.replace("\n", "\r\n"));
        assertThat(server.requests().get(1).body()).contains("calendar-multiget").contains("<D:href>" + resourcePath() + "</D:href>");
    }

    // ---- conditional writes ----

    @Test
    void a_412_for_a_resource_that_is_gone_is_not_found() {
        server.answer(request -> switch (request.method()) {
            case "PUT" -> TinyHttpServer.Answer.of(412);
            case "PROPFIND" -> TinyHttpServer.Answer.of(404);
            default -> TinyHttpServer.Answer.of(405);
        });

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"old\""))).isEqualTo(new WriteResult.NotFound());
        }
    }

    @Test
    void a_412_names_the_etag_the_resource_has_now() {
        server.answer(request -> switch (request.method()) {
            case "PUT" -> TinyHttpServer.Answer.of(412);
            case "PROPFIND" -> TinyHttpServer.Answer.multistatus(etagMultistatus(resourcePath(), "\"current\""));
            default -> TinyHttpServer.Answer.of(405);
        });

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"old\"")))
                    .isEqualTo(new WriteResult.PreconditionFailed(Optional.of("\"current\"")));
        }
    }

    @Test
    void a_conditional_put_answered_404_is_not_found() {
        server.answer(request -> TinyHttpServer.Answer.of(404));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"old\""))).isEqualTo(new WriteResult.NotFound());
        }
    }

    @Test
    void an_if_match_that_is_no_strong_etag_is_never_sent() {
        server.answer(request -> TinyHttpServer.Answer.multistatus(etagMultistatus(resourcePath(), "\"current\"")));

        try (CalDavCalendarStore store = store()) {
            for (String notStrong : List.of("", "current", "W/\"current\"", "\"line\r\nbreak\"")) {
                assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of(notStrong)))
                        .isEqualTo(new WriteResult.PreconditionFailed(Optional.of("\"current\"")));
            }
        }
        assertThat(server.requests()).extracting(TinyHttpServer.Request::method).containsOnly("PROPFIND");
    }

    // ---- errors ----

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 415})
    void a_client_error_is_a_permanent_failure_naming_method_url_and_status_but_no_credentials(int status) {
        server.answer(request -> TinyHttpServer.Answer.of(status));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.count(MAILBOX))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageStartingWith("CalDAV PROPFIND " + server.baseUrl().resolve("/cal/alice/") + ": HTTP " + status)
                    .satisfies(CalDavResponseHandlingTest::showsNoCredentials);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 405, 409, 413, 415})
    void a_write_the_server_refuses_for_this_resource_is_refused_with_what_it_said_and_the_rest_go_on(int status) {
        server.answer(request -> TinyHttpServer.Answer.of(status));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"e1\"")))
                    .isInstanceOfSatisfying(WriteResult.Refused.class, refused -> assertThat(refused.reason())
                            .startsWith("CalDAV PUT " + server.baseUrl().resolve(resourcePath()) + ": HTTP " + status)
                            .doesNotContain(PASSWORD).doesNotContain(BASIC));
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 407})
    void a_write_refused_for_the_credentials_is_a_permanent_failure_of_the_whole_run(int status) {
        server.answer(request -> TinyHttpServer.Answer.of(status));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"e1\"")))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageStartingWith("CalDAV PUT " + server.baseUrl().resolve(resourcePath()) + ": HTTP " + status);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504, 507, 429, 408})
    void a_server_error_or_too_many_requests_is_transient(int status) {
        server.answer(request -> TinyHttpServer.Answer.of(status));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.count(MAILBOX))
                    .isInstanceOf(TransientStoreException.class)
                    .hasMessageStartingWith("CalDAV PROPFIND " + server.baseUrl().resolve("/cal/alice/") + ": HTTP " + status)
                    .satisfies(CalDavResponseHandlingTest::showsNoCredentials);
        }
    }

    @Test
    void a_put_answered_with_a_multistatus_is_refused_with_the_status_and_condition_inside() {
        server.answer(request -> TinyHttpServer.Answer.multistatus("<ns0:multistatus xmlns:ns0=\"DAV:\" "
                + "xmlns:ns1=\"urn:ietf:params:xml:ns:caldav\"><ns0:response><ns0:href>" + resourcePath() + "</ns0:href>"
                + "<ns0:status>HTTP/1.1 412 Precondition Failed</ns0:status><ns0:error><ns1:no-uid-conflict /></ns0:error>"
                + "</ns0:response></ns0:multistatus>"));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"e1\"")))
                    .isInstanceOfSatisfying(WriteResult.Refused.class, refused -> assertThat(refused.reason())
                            .contains("HTTP 412")
                            .contains("[no-uid-conflict: another resource of this calendar already holds the UID]"));
        }
        assertThat(server.requests()).hasSize(1);
    }

    /**
     * Cyrus answers a meeting it will not take with 403 and a {@code DAV:error} naming why (here: the
     * account holds a scheduled meeting of that UID elsewhere, RFC 6638 §3.2.4.1), plus a
     * {@code responsedescription}. That is about the meeting, not the account's rights on the calendar.
     */
    @Test
    void a_403_naming_a_precondition_is_reported_as_a_refusal_of_the_meeting_not_of_the_accounts_rights() {
        server.answer(request -> new TinyHttpServer.Answer(403, Map.of("Content-Type", "application/xml; charset=utf-8"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:error xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                        + "<C:unique-scheduling-object-resource/><D:responsedescription>uid-1</D:responsedescription></D:error>"));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"e1\"")))
                    .isInstanceOfSatisfying(WriteResult.Refused.class, refused -> assertThat(refused.reason())
                            .contains("HTTP 403 Forbidden: the server refused this meeting")
                            .contains("[unique-scheduling-object-resource: the account holds a scheduled meeting with this UID "
                                    + "in another calendar]")
                            .doesNotContain("check its rights")
                            .doesNotContain("[responsedescription]"));
        }
    }

    @Test
    void a_server_too_slow_to_answer_is_a_transient_timeout() {
        server.answer(request -> {
            Thread.sleep(3_000);
            return TinyHttpServer.Answer.of(200);
        });

        try (CalDavCalendarStore store = store(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> store.get(MAILBOX, REF))
                    .isInstanceOf(TransientStoreException.class)
                    .hasMessageContaining("CalDAV GET " + server.baseUrl().resolve(resourcePath()))
                    .hasMessageContaining("timed out")
                    .satisfies(CalDavResponseHandlingTest::showsNoCredentials);
        }
    }

    @Test
    void a_server_that_cannot_be_reached_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (CalDavCalendarStore store = store(URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> store.count(MAILBOX))
                    .isInstanceOf(TransientStoreException.class)
                    .hasMessageContaining("CalDAV PROPFIND http://127.0.0.1:" + closedPort + "/cal/alice/")
                    .satisfies(CalDavResponseHandlingTest::showsNoCredentials);
        }
    }

    @Test
    void a_redirect_is_not_followed_and_is_a_permanent_failure_naming_where_it_points() {
        server.answer(request -> TinyHttpServer.Answer.of(301, Map.of("Location", "https://other.example/dav/cal/alice/")));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.count(MAILBOX))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageContaining("HTTP 301")
                    .hasMessageContaining("https://other.example/dav/cal/alice/");
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_multistatus_that_cannot_be_read_is_transient() {
        server.answer(request -> TinyHttpServer.Answer.multistatus("<html><body>Proxy error</body>"));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.count(MAILBOX))
                    .isInstanceOf(TransientStoreException.class)
                    .hasMessageContaining("multistatus");
        }
    }

    // ---- requests ----

    @Test
    void every_request_carries_basic_credentials_from_the_start_over_http_1_1() {
        server.answer(request -> TinyHttpServer.Answer.multistatus(
                "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/alice/</d:href><d:propstat><d:prop><d:resourcetype>"
                        + "<d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
                        + "</d:multistatus>"));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.count(MAILBOX)).isZero();
        }

        TinyHttpServer.Request request = server.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Basic " + BASIC);
        assertThat(request.header("Depth")).isEqualTo("1");
        assertThat(request.header("Upgrade")).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
    }

    @Test
    void scheduling_is_detected_from_the_dav_header_token_once_per_server() {
        server.answer(request -> TinyHttpServer.Answer.of(200, Map.of("DAV", "1, 2, access-control, calendar-access, calendar-auto-schedule")));

        try (CalDavCalendarStore store = store()) {
            assertThat(store.schedulesForAttendees(MAILBOX)).isTrue();
            assertThat(store.schedulesForAttendees(new Mailbox(new TenantId("contoso"), new UserId("bob")))).isTrue();
        }
        assertThat(server.requests()).extracting(TinyHttpServer.Request::method).containsExactly("OPTIONS");
    }

    @Test
    void a_failed_options_request_is_not_taken_for_an_answer() {
        AtomicInteger options = new AtomicInteger();
        server.answer(request -> options.incrementAndGet() == 1 ? TinyHttpServer.Answer.of(503)
                : TinyHttpServer.Answer.of(200, Map.of("DAV", "1, calendar-access")));

        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.schedulesForAttendees(MAILBOX)).isInstanceOf(TransientStoreException.class);
            assertThat(store.schedulesForAttendees(MAILBOX)).isFalse();
        }
    }

    @Test
    void the_scheduling_setting_overrides_what_the_server_says() {
        server.answer(request -> TinyHttpServer.Answer.of(200, Map.of("DAV", "1, calendar-auto-schedule")));
        CalDavSettings settings = new CalDavSettings(server.baseUrl(), Optional.empty(), Optional.empty(),
                CalDavSettings.Scheduling.MMS_SENDS, Duration.ofSeconds(5));

        try (CalDavCalendarStore store = new CalDavCalendarStore(settings, MailboxLocator.template(server.baseUrl(), "/{user}/"))) {
            assertThat(store.schedulesForAttendees(MAILBOX)).isFalse();
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void when_mms_sends_the_updates_its_writes_mark_every_attendee_client_scheduled() {
        server.answer(request -> TinyHttpServer.Answer.of(204, Map.of("ETag", "\"e2\"")));
        CalDavSettings settings = new CalDavSettings(server.baseUrl(), Optional.empty(), Optional.empty(),
                CalDavSettings.Scheduling.MMS_SENDS, Duration.ofSeconds(5));
        byte[] meeting = new String(aMeeting("uid-1"), StandardCharsets.UTF_8)
                .replace("END:VEVENT", "ATTENDEE;CN=Bob:mailto:bob@fabrikam.com\r\nEND:VEVENT").getBytes(StandardCharsets.UTF_8);

        try (CalDavCalendarStore store = new CalDavCalendarStore(settings, MailboxLocator.template(server.baseUrl(), "/{user}/"))) {
            assertThat(store.put(MAILBOX, REF, meeting, Optional.of("\"e1\""))).isEqualTo(new WriteResult.Written("\"e2\""));
            assertThat(store.create(MAILBOX, new ResourceRef("meeting-2.ics"), meeting)).isEqualTo(new WriteResult.Written("\"e2\""));
        }
        assertThat(server.requests()).hasSize(2).allSatisfy(put -> assertThat(put.body())
                .contains("ATTENDEE;SCHEDULE-AGENT=CLIENT;CN=Bob:mailto:bob@fabrikam.com"));
    }

    @Test
    void when_the_server_schedules_the_attendees_are_written_as_they_are() {
        server.answer(request -> request.method().equals("OPTIONS")
                ? TinyHttpServer.Answer.of(200, Map.of("DAV", "1, calendar-access, calendar-auto-schedule"))
                : TinyHttpServer.Answer.of(204, Map.of("ETag", "\"e2\"")));
        byte[] meeting = new String(aMeeting("uid-1"), StandardCharsets.UTF_8)
                .replace("END:VEVENT", "ATTENDEE;CN=Bob:mailto:bob@fabrikam.com\r\nEND:VEVENT").getBytes(StandardCharsets.UTF_8);

        try (CalDavCalendarStore store = store()) {
            assertThat(store.schedulesForAttendees(MAILBOX)).isTrue();
            assertThat(store.put(MAILBOX, REF, meeting, Optional.of("\"e1\""))).isEqualTo(new WriteResult.Written("\"e2\""));
        }
        assertThat(server.requests()).filteredOn(r -> r.method().equals("PUT")).singleElement()
                .satisfies(put -> assertThat(put.body()).contains("ATTENDEE;CN=Bob:mailto:bob@fabrikam.com"));
    }

    // ---- connections closed before an answer ----

    @Test
    void a_put_whose_connection_was_closed_before_the_answer_is_sent_again() throws Exception {
        try (ClosingServer closing = new ClosingServer(2)) {
            try (CalDavCalendarStore store = store(closing.baseUrl(), Duration.ofSeconds(5))) {
                assertThat(store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.of("\"e0\"")))
                        .isEqualTo(new WriteResult.Written("\"e1\""));
            }
            assertThat(closing.connections()).isEqualTo(3);
        }
    }

    @Test
    void a_server_that_always_closes_the_connection_is_transient_after_a_few_attempts() throws Exception {
        try (ClosingServer closing = new ClosingServer(Integer.MAX_VALUE)) {
            try (CalDavCalendarStore store = store(closing.baseUrl(), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> store.create(MAILBOX, REF, aMeeting("uid-1")))
                        .isInstanceOf(TransientStoreException.class)
                        .hasMessageContaining("CalDAV PUT")
                        .hasMessageContaining("header parser received no bytes")
                        .satisfies(CalDavResponseHandlingTest::showsNoCredentials);
            }
            // The JDK client itself sends no PUT twice, so each attempt is one connection.
            assertThat(closing.connections()).isEqualTo(1 + DavHttp.CLOSED_CONNECTION_RETRIES);
        }
    }

    @Test
    void nothing_the_adapter_logs_shows_credentials() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("org.mms.calendar.caldav");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level level = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.setLevel(Level.TRACE);
        logger.setAdditive(false);
        logger.addAppender(captured);
        try (ClosingServer closing = new ClosingServer(3);
                CalDavCalendarStore store = store(closing.baseUrl(), Duration.ofSeconds(5))) {
            store.put(MAILBOX, REF, aMeeting("uid-1"), Optional.empty());
        } finally {
            logger.detachAppender(captured);
            logger.setLevel(level);
            logger.setAdditive(additive);
        }

        assertThat(captured.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("PUT").doesNotContain(PASSWORD).doesNotContain(BASIC).doesNotContain(USER);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(PASSWORD).doesNotContain(BASIC);
            }
        });
    }

    private static void showsNoCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD).doesNotContain(BASIC);
            assertThat(String.valueOf(t)).doesNotContain(PASSWORD).doesNotContain(BASIC);
        }
        assertThat(e).isInstanceOf(CalendarStoreException.class);
    }

    /**
     * A server that reads each of its first {@code closeFirst} requests and closes the connection
     * without a byte of answer (what the JDK client meets on a connection Radicale already closed),
     * then answers 201 with an ETag.
     */
    private static final class ClosingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread thread;

        ClosingServer(int closeFirst) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        int n = connections.incrementAndGet();
                        InputStream in = connection.getInputStream();
                        String head = readHead(in);
                        // Read the body too: closing with unread bytes would reset the connection instead.
                        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
                        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                        if (n > closeFirst) {
                            OutputStream out = connection.getOutputStream();
                            out.write("HTTP/1.1 201 Created\r\nETag: \"e1\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException e) {
                        // closed by close(), or the client went away
                    }
                }
            });
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        int connections() {
            return connections.get();
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
