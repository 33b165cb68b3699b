package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mms.itip.mail.ComposeImipMessageTest.calendarPartOf;
import static org.mms.itip.mail.ComposeImipMessageTest.decoded;
import static org.mms.itip.mail.ComposeImipMessageTest.parse;
import static org.mms.testing.ItipRequests.aRequest;
import static org.mms.testing.ItipRequests.fixture;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.directory.TenantId;
import org.mms.itip.ItipRequest;
import org.mms.itip.MessageOutbox.Queued;

class PickupDirectoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private PickupDirectory pickup() {
        return new PickupDirectory(directory, new ComposeImipMessage(CLOCK, Optional.empty()));
    }

    @Test
    void writes_one_eml_named_from_the_uid_hash_and_the_sequence() throws Exception {
        ItipRequest request = aRequest().sequence(7).build();

        Path written = pickup().write(request);

        assertThat(written.getParent()).isEqualTo(directory);
        assertThat(written.getFileName().toString()).matches("[0-9a-f]{16}-7\\.eml");
        assertThat(filesIn(directory)).containsExactly(written.getFileName().toString());
    }

    @Test
    void the_file_is_the_whole_message_with_the_calendar_byte_for_byte() throws Exception {
        ItipRequest request = aRequest().calendar(fixture("caldav-lf-only-daily.expected.ics")).build();

        Path written = pickup().write(request);

        MimeMessage message = parse(Files.readAllBytes(written));
        assertThat(message.getSubject()).isEqualTo(request.subject());
        assertThat(decoded(calendarPartOf(message))).isEqualTo(request.calendar());
    }

    @Test
    void the_file_name_and_message_id_share_the_uid_hash() throws Exception {
        Path written = pickup().write(aRequest().build());

        String hash = written.getFileName().toString().substring(0, 16);
        assertThat(parse(Files.readAllBytes(written)).getMessageID()).startsWith("<" + hash + ".5@");
    }

    @Test
    void writing_the_same_request_twice_leaves_one_file() throws Exception {
        PickupDirectory pickup = pickup();

        Path first = pickup.write(aRequest().build());
        Path second = pickup.write(aRequest().build());

        assertThat(second).isEqualTo(first);
        assertThat(filesIn(directory)).hasSize(1);
        assertThat(decoded(calendarPartOf(parse(Files.readAllBytes(second))))).isEqualTo(aRequest().build().calendar());
    }

    @Test
    void a_newer_sequence_or_another_meeting_gets_its_own_file() {
        PickupDirectory pickup = pickup();

        pickup.write(aRequest().sequence(5).build());
        pickup.write(aRequest().sequence(6).build());
        pickup.send(aRequest().uid("another-meeting@example.org").build());

        assertThat(filesIn(directory)).hasSize(3).allMatch(name -> name.matches("[0-9a-f]{16}-[0-9]+\\.eml"));
    }

    @Test
    void uids_with_path_characters_stay_inside_the_directory() {
        Path written = pickup().write(aRequest().uid("../../etc/passwd\\..\\C:/x y:z*?").build());

        assertThat(written.getParent()).isEqualTo(directory);
        assertThat(written.getFileName().toString()).matches("[0-9a-f]{16}-5\\.eml");
    }

    @Test
    void an_earlier_file_of_the_same_message_is_replaced_whole_and_a_file_that_is_not_that_message_is_kept() throws Exception {
        Path target = pickup().write(aRequest().build());
        Files.writeString(target, parse(Files.readAllBytes(target)).getHeader("Message-ID")[0].transform(id -> "Message-ID: " + id + "\r\n\r\nhalf"));

        pickup().write(aRequest().build());

        assertThat(decoded(calendarPartOf(parse(Files.readAllBytes(target))))).isEqualTo(aRequest().build().calendar());
        Files.writeString(target, "half a messa");
        assertThatThrownBy(() -> pickup().write(aRequest().build())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(target.toString());
        assertThat(Files.readString(target)).isEqualTo("half a messa");
        assertThat(filesIn(directory)).containsExactly(target.getFileName().toString());
    }

    @Test
    void no_temporary_file_is_left_behind() {
        PickupDirectory pickup = pickup();
        for (int sequence = 0; sequence < 5; sequence++) {
            pickup.write(aRequest().sequence(sequence).build());
        }

        assertThat(filesIn(directory)).hasSize(5).noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp"));
    }

    @Test
    void the_directory_is_created_when_missing() {
        Path nested = directory.resolve("outbox").resolve("pickup");

        Path written = new PickupDirectory(nested, new ComposeImipMessage(CLOCK, Optional.empty())).write(aRequest().build());

        assertThat(written).exists().hasParent(nested);
    }

    @Test
    void a_directory_that_cannot_be_used_fails_with_the_target_named() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("pickup"), "a file, not a directory");

        PickupDirectory pickup = new PickupDirectory(notADirectory, new ComposeImipMessage(CLOCK, Optional.empty()));

        assertThatThrownBy(() -> pickup.write(aRequest().build()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("pickup");
        assertThat(filesIn(directory)).containsExactly("pickup");
    }

    @Test
    void a_failed_rename_leaves_neither_a_temporary_file_nor_a_message() throws Exception {
        PickupDirectory pickup = pickup();
        ItipRequest request = aRequest().build();
        // A non-empty directory where the file should go: the write succeeds, the rename cannot.
        Path target = directory.resolve(pickup.write(request).getFileName());
        Files.delete(target);
        Files.createDirectory(target);
        Files.writeString(target.resolve("occupied"), "x");

        assertThatThrownBy(() -> pickup.write(request)).isInstanceOf(UncheckedIOException.class);

        assertThat(filesIn(directory)).containsExactly(target.getFileName().toString());
        assertThat(target).isDirectory();
    }

    @Test
    void a_reader_polling_the_directory_never_sees_half_a_message() throws Exception {
        // Big enough that writing takes a while; rewritten in place, a reader would catch it half done.
        ItipRequest request = aRequest().calendar(bigCalendar(2_000_000)).build();
        PickupDirectory pickup = pickup();
        Path target = pickup.write(request);
        byte[] expected = request.calendar();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();

        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 15; i++) {
                pickup.write(request);
            }
            writing.set(false);
        });
        try {
            while (writing.get()) {
                byte[] eml = Files.readAllBytes(target);
                assertThat(decoded(calendarPartOf(parse(eml)))).isEqualTo(expected);
                reads.incrementAndGet();
            }
        } finally {
            writer.join();
        }
        assertThat(reads.get()).isPositive();
    }

    @Test
    void a_message_file_is_readable_and_writable_by_its_owner_only() throws Exception {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions on this file system");

        Path written = pickup().write(aRequest().build());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
    }

    @Test
    void senders_writing_at_once_each_leave_their_whole_messages_and_nothing_else() throws Exception {
        PickupDirectory pickup = pickup();
        List<Thread> senders = new ArrayList<>();
        Map<Path, ItipRequest> written = new ConcurrentHashMap<>();
        for (int s = 0; s < 6; s++) {
            int sender = s;
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 40; i++) {
                    ItipRequest request = aRequest().uid("sender-" + sender + "-meeting-" + i).build();
                    written.put(pickup.write(request), request);
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }

        assertThat(written).hasSize(240);
        assertThat(filesIn(directory)).hasSize(240).noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp"));
        for (Map.Entry<Path, ItipRequest> file : written.entrySet()) {
            assertThat(decoded(calendarPartOf(parse(Files.readAllBytes(file.getKey()))))).isEqualTo(file.getValue().calendar());
        }
    }

    @Test
    void staged_messages_stay_hidden_from_a_collector_until_they_are_released() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = round("first", "second", "third");

        assertThat(pickup.stage(round)).isEmpty();

        assertThat(filesIn(directory)).hasSize(3).allMatch(name -> name.startsWith(".") && name.endsWith(".staged"));

        assertThat(pickup.release(round)).isEmpty();

        assertThat(filesIn(directory)).hasSize(3).allMatch(name -> name.endsWith(".eml") && !name.startsWith("."));
        for (Queued message : round) {
            Path file = directory.resolve(fileName(message));
            assertThat(decoded(calendarPartOf(parse(Files.readAllBytes(file))))).isEqualTo(((ItipRequest) message.request()).calendar());
        }
    }

    @Test
    void a_queued_message_is_named_by_its_tenant_outbox_id_uid_hash_and_sequence() {
        PickupDirectory pickup = pickup();
        List<Queued> round = List.of(new Queued(42, new TenantId("Contoso Ltd/../x"), aRequest().sequence(3).build(), 0));

        pickup.stage(round);
        pickup.release(round);

        assertThat(filesIn(directory)).singleElement().asString().matches("Contoso_Ltd____x-42-[0-9a-f]{16}-3\\.eml");
    }

    @Test
    void two_tenants_messages_for_meetings_with_the_same_uids_all_stay_on_disk_with_their_own_message_ids() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = new ArrayList<>();
        for (String tenant : List.of("contoso", "fabrikam")) {
            for (int meeting = 0; meeting < 25; meeting++) {
                round.add(new Queued(round.size() + 1, new TenantId(tenant), aRequest().uid("meeting-" + meeting).build(), 0));
            }
        }

        assertThat(pickup.stage(round)).isEmpty();
        assertThat(pickup.release(round)).isEmpty();

        assertThat(filesIn(directory)).hasSize(50).allMatch(name -> name.endsWith(".eml"));
        List<String> messageIds = new ArrayList<>();
        for (String name : filesIn(directory)) {
            messageIds.add(parse(Files.readAllBytes(directory.resolve(name))).getMessageID());
        }
        assertThat(messageIds).doesNotHaveDuplicates();
    }

    @Test
    void a_file_holding_another_message_under_the_name_is_never_replaced() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = round("mine");
        pickup.stage(round);
        Path target = directory.resolve(fileName(round.getFirst()));
        Files.writeString(target, "Message-ID: <someone-else@example.org>\r\n\r\nnot ours");

        Map<Long, RuntimeException> failures = pickup.release(round);

        assertThat(failures).containsOnlyKeys(1L);
        assertThat(failures.get(1L)).hasMessageContaining(target.toString());
        assertThat(Files.readString(target)).contains("someone-else");
        assertThat(filesIn(directory)).contains("." + target.getFileName() + ".staged");
    }

    @Test
    void releasing_again_what_was_released_counts_as_released_and_delivers_nothing_more() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = round("first", "second");
        pickup.stage(round);
        pickup.release(round);
        Path collected = Files.createDirectory(directory.resolve("collected"));
        for (String name : filesIn(directory)) {
            if (name.endsWith(".eml")) {
                Files.move(directory.resolve(name), collected.resolve(name));
            }
        }

        assertThat(pickup.release(round)).as("a sender that took over after the rename").isEmpty();

        assertThat(filesIn(directory)).containsExactly("collected");
    }

    @Test
    void staging_again_replaces_what_an_attempt_that_died_left_staged_for_the_same_message() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = List.of(new Queued(7, new TenantId("contoso"), aRequest().uid("restaged").build(), 0));
        Files.writeString(directory.resolve("." + fileName(round.getFirst()) + ".staged"), "half a mess");

        assertThat(pickup.stage(round)).isEmpty();
        assertThat(pickup.release(round)).isEmpty();

        Path file = directory.resolve(fileName(round.getFirst()));
        assertThat(decoded(calendarPartOf(parse(Files.readAllBytes(file))))).isEqualTo(((ItipRequest) round.getFirst().request()).calendar());
        assertThat(filesIn(directory)).containsExactly(file.getFileName().toString());
    }

    @Test
    void a_message_that_cannot_be_staged_is_reported_by_key_and_the_rest_of_the_round_is_staged() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = new ArrayList<>(round("fine", "blocked", "fine-too"));
        // A non-empty directory where the staged file goes cannot be replaced.
        Path blocking = Files.createDirectories(directory.resolve("." + fileName(round.get(1)) + ".staged"));
        Files.writeString(blocking.resolve("something"), "x");

        Map<Long, RuntimeException> failures = pickup.stage(round);

        assertThat(failures).containsOnlyKeys(2L);
        assertThat(failures.get(2L)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(blocking.toString());
        round.remove(1);
        assertThat(pickup.release(round)).isEmpty();
        assertThat(filesIn(directory)).filteredOn(name -> name.endsWith(".eml")).hasSize(2);
        assertThat(filesIn(directory)).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void a_message_that_cannot_be_released_is_reported_by_key_and_stays_staged() throws Exception {
        PickupDirectory pickup = pickup();
        List<Queued> round = round("fine", "blocked");
        pickup.stage(round);
        // A non-empty directory under the final name cannot be replaced by a rename.
        Path blocking = Files.createDirectories(directory.resolve(fileName(round.get(1))));
        Files.writeString(blocking.resolve("something"), "x");

        Map<Long, RuntimeException> failures = pickup.release(round);

        assertThat(failures).containsOnlyKeys(2L);
        assertThat(failures.get(2L)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(blocking.toString());
        assertThat(filesIn(directory)).contains("." + blocking.getFileName() + ".staged");
    }

    @Test
    void a_message_moved_in_from_a_staging_directory_replaces_only_the_same_message() throws Exception {
        Path staging = Files.createDirectory(directory.resolve(".staging"));
        Path out = Files.createDirectory(directory.resolve("out"));
        PickupDirectory stagingPickup = new PickupDirectory(staging, new ComposeImipMessage(CLOCK, Optional.empty()));
        Path first = PickupDirectory.moveInto(stagingPickup.write(aRequest().build()), out);

        Path again = PickupDirectory.moveInto(stagingPickup.write(aRequest().build()), out);
        Files.writeString(first, "Message-ID: <another@example.org>\r\n\r\nanother message");
        Path blocked = stagingPickup.write(aRequest().build());

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> PickupDirectory.moveInto(blocked, out)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(first)).contains("another message");
        assertThat(filesIn(out)).containsExactly(first.getFileName().toString());
    }

    /** Messages with ids 1, 2, … of tenant contoso, in the given order, as a sender's round. */
    private static List<Queued> round(String... uids) {
        List<Queued> round = new ArrayList<>();
        for (String uid : uids) {
            round.add(new Queued(round.size() + 1, new TenantId("contoso"), aRequest().uid(uid).build(), 0));
        }
        return round;
    }

    private static String fileName(Queued message) {
        return MessageKey.of(Optional.of(message.tenant()), message.request()).fileName(message.tenant(), message.id());
    }

    private static byte[] bigCalendar(int approximateBytes) {
        StringBuilder calendar = new StringBuilder("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\n");
        calendar.append("BEGIN:VEVENT\r\nUID:big@example.org\r\n");
        String padding = "X-PADDING:" + "0123456789abcdef".repeat(4) + "\r\n";
        while (calendar.length() < approximateBytes) {
            calendar.append(padding);
        }
        return calendar.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
