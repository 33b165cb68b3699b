package org.mms.service;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.SplitCalendar;
import org.mms.sample.SampleOrganization;
import org.mms.testing.CalDavServer;
import org.mms.testing.MutableClock;
import org.mms.testing.PlainCalDavClient;

/**
 * A tenant whose calendars live on a CalDAV server the test started: Contoso's directory
 * ({@code fixtures/directory/contoso-two-organizers.json}), Alice's calendar filled by another client with the
 * Outlook, Teams and Skype fixtures, Carol's with an Exchange-style calendar of the sample organization, both
 * organizers on the bridge whose toll-free number their invitations show. The store is pointed at the server with
 * {@code Set-CsCalendarStore}, there is no settle window, the service's clock stands at {@link #NOW} until the test
 * moves it, and the update messages land in the pickup directory.
 */
final class SampleTenantOnCalDav implements AutoCloseable {

    static final Instant NOW = ServiceOnCalDavServerContract.NOW;
    static final String ALICE = ServiceOnCalDavServerContract.ALICE;
    static final String CAROL = "carol@contoso.com";
    static final String BRIDGE = SampleOrganization.BRIDGE;
    static final String TOLL_FREE = SampleOrganization.TOLL_FREE;
    /** How the invitations show it. */
    static final String TOLL_FREE_SHOWN = "679-9995";
    /** The bridge change every test makes: the toll-free number both organizers' invitations show is taken off it. */
    static final List<String> UNREGISTER_TOLL_FREE = List.of("Unregister-CsOnlineDialInConferencingServiceNumber", "-Identity",
            TOLL_FREE, "-BridgeName", BRIDGE);

    final CalDavServer server;
    final MutableClock clock;
    final MmsService service;
    final AdminShell admin;
    /** Each organizer's resources on the server, with what the fixture file says of them (Carol's: nothing). */
    private final Map<String, Map<URI, Optional<ServiceOnCalDavServerContract.Expected>>> seeded;

    private SampleTenantOnCalDav(CalDavServer server, MutableClock clock, MmsService service, AdminShell admin,
            Map<String, Map<URI, Optional<ServiceOnCalDavServerContract.Expected>>> seeded) {
        this.server = server;
        this.clock = clock;
        this.service = service;
        this.admin = admin;
        this.seeded = seeded;
    }

    /** Both calendars made anew on {@code server}, then the service started on a fresh database in {@code dir} and set up. */
    static SampleTenantOnCalDav start(CalDavServer server, Path dir) throws IOException {
        Map<String, Map<URI, Optional<ServiceOnCalDavServerContract.Expected>>> seeded = new LinkedHashMap<>();
        Map<URI, Optional<ServiceOnCalDavServerContract.Expected>> alice = new LinkedHashMap<>();
        ServiceOnCalDavServerContract.seedFixtures(server).forEach((url, expected) -> alice.put(url, Optional.of(expected)));
        seeded.put(ALICE, alice);
        seeded.put(CAROL, seedSample(server, CAROL, "Carol Garcia"));

        MutableClock clock = MutableClock.at(NOW);
        MmsService service = MmsService.start(AdminShell.onLoopback(dir.resolve("data"), 1), clock);
        try {
            AdminShell admin = new AdminShell(service, service.config().dataDir());
            Path directory = dir.resolve("directory.json");
            Files.write(directory, resource("/fixtures/directory/contoso-two-organizers.json"));
            admin.run("Import-CsDirectory", "-Path", directory.toString());
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            admin.run(ServiceOnCalDavServerContract.storeCommand(server, server.password()));
            return new SampleTenantOnCalDav(server, clock, service, admin, seeded);
        } catch (RuntimeException | IOException e) {
            service.close();
            throw e;
        }
    }

    /** The organizer's calendar made anew and filled with the sample's Exchange-style meetings, one resource per UID. */
    private static Map<URI, Optional<ServiceOnCalDavServerContract.Expected>> seedSample(CalDavServer server, String upn, String name) {
        SampleOrganization.Organizer organizer = new SampleOrganization.Organizer(upn, name, false);
        byte[] calendar = new SampleOrganization(0).calendar(organizer, NOW, 16, 20261206L);
        Map<URI, Optional<ServiceOnCalDavServerContract.Expected>> resources = new LinkedHashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            client.delete(server.calendarUrl(organizer.localPart()));
            URI collection = server.makeCalendar(organizer.localPart());
            for (CalendarObject resource : SplitCalendar.of(calendar).resources()) {
                URI url = collection.resolve(resource.ref().href());
                assertThat(client.create(url, resource.data())).as("seeding %s", url).isEqualTo(201);
                resources.put(url, Optional.empty());
            }
        }
        return resources;
    }

    /** The organizer's resources on the server, in the order they were put there. */
    List<URI> resources(String upn) {
        return List.copyOf(seeded.get(upn).keySet());
    }

    /** The one resource of Alice's calendar that came from fixture file {@code file}. */
    URI aliceResourceFrom(String file) {
        List<URI> found = seeded.get(ALICE).entrySet().stream()
                .filter(e -> e.getValue().map(ServiceOnCalDavServerContract.Expected::file).orElse("").equals(file))
                .map(Map.Entry::getKey).toList();
        assertThat(found).as("resources from %s", file).hasSize(1);
        return found.getFirst();
    }

    /** The organizer's resources as the server serves them now. */
    Map<URI, PlainCalDavClient.Fetched> fetch(String upn) {
        Map<URI, PlainCalDavClient.Fetched> now = new LinkedHashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            seeded.get(upn).keySet().forEach(url -> now.put(url, client.get(url)));
        }
        return now;
    }

    /** The update messages in the pickup directory now. */
    List<Path> messages() {
        return waitForMessages(0);
    }

    /** Those of them sent on behalf of {@code upn}: their {@code From} is the organizer's address or one of the aliases. */
    List<Path> messagesFrom(String upn) {
        Set<String> addresses = new HashSet<>();
        addresses.add(upn.toLowerCase(Locale.ROOT));
        service.admin().users(MmsService.FIRST_TENANT, Optional.of(upn)).getFirst().Aliases()
                .forEach(alias -> addresses.add(alias.toLowerCase(Locale.ROOT)));
        return messages().stream().filter(sentByOneOf(addresses)).toList();
    }

    /** Waits until the pickup directory holds {@code expected} messages (or 30 s have passed), then gives them all. */
    List<Path> waitForMessages(int expected) {
        try {
            return ServiceOnCalDavServerContract.waitForMessages(pickup(), expected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits {@code quiet}, long enough for the workers and the sender to poll many times, so that what did not happen would not. */
    static void letTheServiceRun(Duration quiet) {
        try {
            Thread.sleep(quiet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path pickup() {
        return service.config().mail().pickupDirectory();
    }

    private static Predicate<Path> sentByOneOf(Set<String> addresses) {
        return message -> {
            try {
                return Files.readAllLines(message, ISO_8859_1).stream().takeWhile(line -> !line.isEmpty())
                        .filter(line -> line.startsWith("From:")).map(line -> line.toLowerCase(Locale.ROOT))
                        .anyMatch(from -> addresses.stream().anyMatch(address -> from.contains("<" + address + ">")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SampleTenantOnCalDav.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
