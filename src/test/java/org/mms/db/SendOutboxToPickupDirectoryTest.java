package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mms.testing.ItipRequests.aRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.checkpoint.Checkpoint;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.SendOutbox;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.itip.mail.PickupDirectory;
import org.mms.testing.MutableClock;

/**
 * The outbox on H2 sending through the pickup directory, as the embedded default does, with a collector
 * that takes every {@code .eml} away as a mail server's pickup service would: every message is
 * delivered exactly once, even when the sender dies at any step of its round.
 */
class SendOutboxToPickupDirectoryTest {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    private static final Instant T0 = Instant.parse("2026-12-07T08:30:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MESSAGES = 30;

    @TempDir
    Path pickup;
    @TempDir
    Path collected;

    private final MutableClock clock = MutableClock.at(T0);
    private final Map<String, Integer> deliveries = new HashMap<>();
    private JdbcMessageOutbox outbox;

    @BeforeEach
    void queue_the_messages() {
        DATABASE.deleteAll("outbox_message");
        outbox = new JdbcMessageOutbox(DATABASE.db());
        for (int i = 0; i < MESSAGES; i++) {
            outbox.enqueue(new TenantId("contoso"), new UserId("organizer"), UUID.randomUUID().toString(), "meeting-" + i + ".ics",
                    aRequest().uid("meeting-" + i).build(), T0);
        }
    }

    @Test
    void every_message_goes_out_once_in_rounds_and_is_recorded_as_sent() throws IOException {
        SendOutbox sender = sender(Checkpoint.NONE);

        assertThat(sender.runOnce(25)).isEqualTo(25);
        assertThat(sender.runOnce(25)).isEqualTo(5);
        assertThat(sender.runOnce(25)).isZero();
        collect();

        assertThat(deliveries).hasSize(MESSAGES).allSatisfy((name, times) -> assertThat(times).as(name).isOne());
        assertThat(outbox.counts()).contains(entry("SENT", (long) MESSAGES), entry("SENDING", 0L), entry("STAGED", 0L));
        assertThat(filesIn(pickup)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Checkpoint.MESSAGES_CLAIMED, Checkpoint.MESSAGES_STAGED, Checkpoint.MESSAGE_HANDED_OVER})
    void a_sender_killed_during_a_round_leaves_every_message_to_go_out_exactly_once(String moment) throws IOException {
        SendOutbox dying = sender(reached -> {
            if (reached.equals(moment)) {
                throw new Killed();
            }
        });
        assertThatThrownBy(() -> dying.runOnce(25)).isInstanceOf(Killed.class);
        collect();

        // The next process, once the dead one's lease has run out.
        clock.advance(LEASE);
        SendOutbox next = sender(Checkpoint.NONE);
        while (next.runOnce(25) > 0) {
            collect();
        }
        collect();

        assertThat(deliveries).hasSize(MESSAGES).allSatisfy((name, times) -> assertThat(times).as(name).isOne());
        assertThat(outbox.counts()).contains(entry("SENT", (long) MESSAGES), entry("SENDING", 0L), entry("STAGED", 0L));
        assertThat(filesIn(pickup)).as("nothing left staged").isEmpty();
    }

    /** A new pickup directory object each time, as in a new process. */
    private SendOutbox sender(Checkpoint checkpoint) {
        return new SendOutbox(outbox, new PickupDirectory(pickup, new ComposeImipMessage(clock, Optional.empty())), clock, LEASE, checkpoint);
    }

    /** Takes every message file away, counting how often each name was delivered. */
    private void collect() throws IOException {
        for (String name : filesIn(pickup)) {
            if (name.endsWith(".eml") && !name.startsWith(".")) {
                Files.move(pickup.resolve(name), collected.resolve(name + "." + deliveries.merge(name, 1, Integer::sum)));
            }
        }
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    /** Stands for SIGKILL: nothing after the checkpoint runs. */
    private static final class Killed extends Error {
        Killed() {
            super("killed at a checkpoint", null, false, false);
        }
    }
}
