package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.checkpoint.Checkpoint;
import org.mms.directory.User;
import org.mms.testing.CalendarResources;
import org.mms.testing.ServiceHarness;

/**
 * A migration that stops between a calendar write and its confirmation in the journal, settled by the next run, on a
 * store of the subclass's. Both directions: a write that happened stands (its update goes, once, and the meeting is not
 * written or announced again); a write that never happened is dropped with its update, and the meeting is migrated
 * anew and announced once. The stop is a failure thrown at the checkpoint, as the crash test's halt would stop the
 * process there.
 */
public abstract class InterruptedWriteContract {

    protected static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "alice@contoso.com";
    private static final String NEW_TOLL_SHOWN = "+1 425-555-0175";
    private static final String LOS_ANGELES_TOLL = "+13238494874";
    private static final String LOS_ANGELES_TOLL_SHOWN = "+1 323-849-4874";
    private static final String OLD_TOLL_SHOWN = "+1 603-555-0142";

    @TempDir
    Path dir;

    protected ServiceHarness service;
    private Mailbox mailbox;
    private CalendarObject meeting;
    private CalendarStore store;

    /** The store under test, opened once per test, with a calendar for {@code mailbox} ready to hold meetings. */
    protected abstract CalendarStore openStore(ServiceHarness service, Mailbox mailbox);

    @BeforeEach
    void seed() throws Exception {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        try (InputStream json = InterruptedWriteContract.class.getResourceAsStream("/fixtures/api/alice-redmond-number.json")) {
            service.admin.importDirectory(ServiceHarness.TENANT, json);
        }
        mailbox = new Mailbox(ServiceHarness.TENANT, alice().id());
        meeting = SplitCalendar.of(CalendarResources.icsFixture("teams-t3-en.ics")).resources().getFirst();
        store = openStore(service, mailbox);
        assertThat(store.create(mailbox, meeting.ref(), meeting.data())).isInstanceOf(WriteResult.Written.class);
    }

    @AfterEach
    void closeHarness() {
        service.close();
    }

    @Test
    void a_write_that_happened_before_the_run_stopped_stands_and_its_update_goes_once_without_a_second_write() {
        assertThatThrownBy(() -> migrate("first-run", stopAt(Checkpoint.CHUNK_WRITTEN))).isInstanceOf(Stopped.class);
        StoredResource written = stored();
        assertThat(shown(written)).as("the first run's write reached the store").contains(NEW_TOLL_SHOWN).doesNotContain(OLD_TOLL_SHOWN);
        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).hasSize(1);
        assertThat(service.sender.runOnce(100)).as("held until the write is settled").isZero();

        MigrateOrganizer.Result second = migrate("second-run", Checkpoint.NONE);

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", meeting.uid())).as("the first run's write stands").isPresent();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "second-run", meeting.uid())).as("nothing migrated again").isEmpty();
        assertThat(second.succeeded()).isEqualTo(1);
        assertThat(second.invites()).as("nothing new to announce").isZero();
        assertThat(stored().etag()).as("not written again").isEqualTo(written.etag());
        assertThat(service.sender.runOnce(100)).as("the first run's update, released once").isEqualTo(1);
        assertThat(service.sender.runOnce(100)).isZero();
    }

    @Test
    void a_write_that_never_happened_is_dropped_and_the_next_run_migrates_and_announces_the_meeting_once() {
        assertThatThrownBy(() -> migrate("first-run", stopAt(Checkpoint.CHUNK_JOURNALED))).isInstanceOf(Stopped.class);
        assertThat(shown(stored())).as("the first run wrote nothing").contains(OLD_TOLL_SHOWN);
        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).hasSize(1);

        MigrateOrganizer.Result second = migrate("second-run", Checkpoint.NONE);

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", meeting.uid())).as("the first run's write was dropped").isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "second-run", meeting.uid())).isPresent();
        assertThat(second.invites()).isEqualTo(1);
        assertThat(shown(stored())).contains(NEW_TOLL_SHOWN);
        assertThat(service.sender.runOnce(100)).as("the second run's update only").isEqualTo(1);
        assertThat(service.sender.runOnce(100)).isZero();
    }

    /**
     * The organizer's number changed again after a write that happened: the write is recognized by the block it meant
     * to write, not by today's settings, so it stands and its update goes once; then the meeting is migrated to the
     * newest number and announced again, once.
     */
    @Test
    void a_write_that_happened_stands_though_the_organizers_number_changed_since_and_the_newest_follows_it() {
        assertThatThrownBy(() -> migrate("first-run", stopAt(Checkpoint.CHUNK_WRITTEN))).isInstanceOf(Stopped.class);
        service.admin.setDialInConferencingUser(ServiceHarness.TENANT, ALICE, new Requests.DialInUserChange(Optional.empty(),
                Optional.of(LOS_ANGELES_TOLL), Optional.empty(), Optional.empty(), false));

        MigrateOrganizer.Result second = migrate("second-run", Checkpoint.NONE);

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", meeting.uid())).as("the first run's write stands").isPresent();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "second-run", meeting.uid())).isPresent();
        assertThat(second.invites()).isEqualTo(1);
        assertThat(shown(stored())).contains(LOS_ANGELES_TOLL_SHOWN).doesNotContain(NEW_TOLL_SHOWN);
        assertThat(service.sender.runOnce(100)).as("the first run's update and the second's, each once").isEqualTo(2);
        assertThat(service.sender.runOnce(100)).isZero();
    }

    /**
     * Someone else's write after the interrupted one was planned but before it was made: the interrupted write met a
     * changed version and did not happen, though the meeting's version moved on. It is dropped, and the meeting is
     * migrated over the other client's change and announced once.
     */
    @Test
    void a_write_overtaken_by_another_clients_change_is_dropped_and_the_meeting_migrated_over_that_change() {
        assertThatThrownBy(() -> migrate("first-run", stopAt(Checkpoint.CHUNK_JOURNALED))).isInstanceOf(Stopped.class);
        StoredResource before = stored();
        byte[] retitled = new String(before.data(), UTF_8).replace(":Vendor onboarding kick-off", ":Moved: Vendor onboarding kick-off").getBytes(UTF_8);
        assertThat(store.put(mailbox, meeting.ref(), retitled, Optional.of(before.etag())))
                .isInstanceOf(WriteResult.Written.class);

        MigrateOrganizer.Result second = migrate("second-run", Checkpoint.NONE);

        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", meeting.uid())).isEmpty();
        assertThat(second.invites()).isEqualTo(1);
        assertThat(shown(stored())).contains(NEW_TOLL_SHOWN).contains(":Moved: Vendor onboarding kick-off");
        assertThat(service.sender.runOnce(100)).isEqualTo(1);
    }

    private MigrateOrganizer.Result migrate(String correlationId, Checkpoint checkpoint) {
        User alice = alice();
        var tenant = service.directory.tenant(ServiceHarness.TENANT).orElseThrow();
        return new MigrateOrganizer(store, service.journal, service.clock, checkpoint).run(new MigrateOrganizer.Request(
                tenant, alice, alice.audio().bridgeId().flatMap(service.directory::bridge), MigrationType.TO_SAME_TYPE, correlationId),
                soFar -> { });
    }

    private static Checkpoint stopAt(String name) {
        return reached -> {
            if (reached.equals(name)) {
                throw new Stopped(name);
            }
        };
    }

    private User alice() {
        return service.directory.findUser(ServiceHarness.TENANT, ALICE).orElseThrow().value();
    }

    private StoredResource stored() {
        return store.get(mailbox, meeting.ref()).orElseThrow();
    }

    private static String shown(StoredResource resource) {
        return new String(resource.data(), UTF_8).replace("\r\n ", "").replace("\n ", "");
    }

    /** The run stopping where a crash would stop it. */
    private static final class Stopped extends RuntimeException {
        Stopped(String checkpoint) {
            super("stopped at " + checkpoint);
        }
    }
}
