package org.mms.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mms.testing.CalendarResources.aMailbox;
import static org.mms.testing.CalendarResources.aMeeting;
import static org.mms.testing.CalendarResources.icsFixture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.testing.CalendarContent;

/**
 * What every {@link CalendarStore} must do, run against each adapter by a subclass (the embedded
 * store on H2; the CalDAV store on real Radicale and Xandikos servers). Each test works in mailboxes
 * of its own, so a store may be shared between tests.
 */
public abstract class CalendarStoreContract {

    protected static final Instant FROM = Instant.parse("2026-11-23T12:00:00Z");
    protected static final Instant TO = Instant.parse("2036-11-23T12:00:00Z");

    protected abstract CalendarStore store();

    /** The mailbox of this user; a CalDAV subclass makes a calendar for it. */
    protected Mailbox mailboxOf(TenantId tenant, UserId user) {
        return new Mailbox(tenant, user);
    }

    /** A mailbox no other test uses. */
    protected final Mailbox newMailbox() {
        Mailbox fresh = aMailbox();
        return mailboxOf(fresh.tenant(), fresh.user());
    }

    /**
     * Whether the store gives back exactly the bytes it was given. The embedded store does; CalDAV
     * servers rewrite what they store, so their subclasses say no and the byte tests are skipped.
     */
    protected boolean keepsBytesExactly() {
        return true;
    }

    /**
     * Whether every write gives a new ETag, even of bytes the resource already holds. The embedded
     * store counts versions; Radicale and Xandikos derive the ETag from the stored content, so the same
     * content gives the same ETag again, which RFC 9110 allows (a strong ETag names a representation).
     * Either way, a changed resource always gets a new ETag.
     */
    protected boolean givesNewEtagForSameContent() {
        return true;
    }

    /**
     * The most resources a test puts in one mailbox. Every store must hand over thousands in batches;
     * a CalDAV server, though, checks each new resource's UID against the whole collection (Radicale),
     * so filling one with 2,500 takes minutes, and its subclass covers batching with fewer.
     */
    protected int largestMailboxToFill() {
        return Integer.MAX_VALUE;
    }

    /**
     * The meeting {@code uid} in the version named {@code version}: two versions of one UID differ in what a write to
     * this store may change, and in nothing else. By default they differ in SUMMARY; a store that lets a write change
     * only part of a meeting makes its versions differ there (the Graph store takes only the online-meeting block).
     * Every version has the organizer and times of {@code aMeeting(uid)}.
     */
    protected byte[] aMeetingVersion(String uid, String version) {
        return aMeeting(uid, version);
    }

    /**
     * Why this store refuses {@code data} as a meeting, if it does: a server may be stricter than
     * RFC 5545 (Cyrus refuses an X- property without a value and an event without an end). Tests
     * of such data are skipped; the subclass pins the refusal.
     */
    protected Optional<String> refusal(byte[] data) {
        return Optional.empty();
    }

    /**
     * Whether mailboxes that are calendars of one server account may each hold a meeting of the same
     * UID. They may wherever a mailbox is a store of its own; Cyrus, though, holds an account to one
     * meeting with an ORGANIZER per UID across all its calendars (RFC 6638 §3.2.4.1), and its subclass
     * keeps its mailboxes as calendars of one account.
     */
    protected boolean holdsOneUidInSeveralMailboxes() {
        return true;
    }

    /**
     * Asserts that the store gave back what was written: the same bytes from a store that
     * {@linkplain #keepsBytesExactly() keeps them}, the same content (every property, parameter and
     * value; see {@link CalendarContent}) from one that rewrites them.
     */
    protected void assertSameContent(byte[] actual, byte[] expected) {
        if (keepsBytesExactly()) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(CalendarContent.of(actual)).isEqualTo(CalendarContent.of(expected));
        }
    }

    // ---- reading back ----

    @Test
    void a_name_never_written_reads_as_empty() {
        assertThat(store().get(newMailbox(), new ResourceRef("nothing-here.ics"))).isEmpty();
    }

    @Test
    void a_created_resource_reads_back_under_the_etag_the_write_gave() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");

        WriteResult result = store().create(mailbox, ref, aMeeting("uid-1"));

        assertThat(result).isInstanceOf(WriteResult.Written.class);
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.ref()).isEqualTo(ref);
        assertThat(stored.etag()).isEqualTo(((WriteResult.Written) result).etag());
    }

    static Stream<Arguments> tricky_resources() {
        return Stream.of(
                Arguments.of("folds splitting UTF-8 sequences, CJK, RTL, emoji", only(icsFixture("unicode-fold-splits.ics"))),
                Arguments.of("LF-only line endings", only(icsFixture("lf-only.ics"))),
                Arguments.of("a master with an override, VTIMEZONE", SplitCalendar.of(icsFixture("series-overrides-apart.ics"))
                        .resources().getFirst().data()),
                Arguments.of("LF-only, folds inside emoji and umlaut, no final line ending", lfOnlyWithSplitFolds()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricky_resources")
    void a_resource_reads_back_byte_for_byte(String what, byte[] data) {
        assumeTrue(keepsBytesExactly(), "this store rewrites what it stores");
        Mailbox mailbox = newMailbox();
        ResourceRef ref = new ResourceRef("tricky.ics");

        store().create(mailbox, ref, data);

        assertThat(store().get(mailbox, ref).orElseThrow().data()).isEqualTo(data);
        List<byte[]> seen = new ArrayList<>();
        store().forEachCandidate(mailbox, FROM, TO, 10, r -> seen.add(r.data()));
        assertThat(seen).singleElement().isEqualTo(data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricky_resources")
    void a_resource_reads_back_with_the_same_content(String what, byte[] data) {
        assumeTrue(refusal(data).isEmpty(), () -> "this store refuses it: " + refusal(data).orElseThrow());
        Mailbox mailbox = newMailbox();
        ResourceRef ref = new ResourceRef("tricky.ics");
        String etag = written(store().create(mailbox, ref, data));

        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(etag);
        assertSameContent(stored.data(), data);
        List<StoredResource> seen = new ArrayList<>();
        store().forEachCandidate(mailbox, FROM, TO, 10, seen::add);
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.etag()).isEqualTo(etag);
            assertSameContent(r.data(), data);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricky_resources")
    void a_replaced_resource_reads_back_byte_for_byte(String what, byte[] data) {
        assumeTrue(keepsBytesExactly(), "this store rewrites what it stores");
        Mailbox mailbox = newMailbox();
        ResourceRef ref = new ResourceRef("tricky.ics");
        String uid = CalendarObject.uidOf(data);
        String etag = written(store().create(mailbox, ref, aMeeting(uid)));

        written(store().put(mailbox, ref, data, Optional.of(etag)));

        assertThat(store().get(mailbox, ref).orElseThrow().data()).isEqualTo(data);
    }

    // ---- conditional writes ----

    @Test
    void a_put_with_the_current_etag_replaces_the_resource_and_gives_a_new_etag() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String first = written(store().create(mailbox, ref, aMeetingVersion("uid-1", "Before")));

        WriteResult result = store().put(mailbox, ref, aMeetingVersion("uid-1", "After"), Optional.of(first));

        String second = written(result);
        assertThat(second).isNotEqualTo(first);
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(second);
        assertSameContent(stored.data(), aMeetingVersion("uid-1", "After"));
    }

    @Test
    void a_stale_if_match_is_refused_and_nothing_is_written() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String stale = written(store().create(mailbox, ref, aMeetingVersion("uid-1", "First")));
        String current = written(store().put(mailbox, ref, aMeetingVersion("uid-1", "Second"), Optional.of(stale)));

        WriteResult result = store().put(mailbox, ref, aMeetingVersion("uid-1", "Lost update"), Optional.of(stale));

        assertThat(result).isInstanceOf(WriteResult.PreconditionFailed.class);
        ((WriteResult.PreconditionFailed) result).currentEtag().ifPresent(e -> assertThat(e).isEqualTo(current));
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(current);
        assertSameContent(stored.data(), aMeetingVersion("uid-1", "Second"));
        assertThat(store().count(mailbox)).isEqualTo(1);
    }

    @Test
    void an_if_match_the_store_never_gave_matches_nothing() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String etag = written(store().create(mailbox, ref, aMeetingVersion("uid-1", "Kept")));

        for (String foreign : List.of("\"not-an-etag\"", "W/" + etag, etag.replace("\"", ""), "")) {
            assertThat(store().put(mailbox, ref, aMeetingVersion("uid-1", "Overwritten"), Optional.of(foreign)))
                    .as("If-Match: %s", foreign)
                    .isInstanceOf(WriteResult.PreconditionFailed.class);
        }
        assertSameContent(store().get(mailbox, ref).orElseThrow().data(), aMeetingVersion("uid-1", "Kept"));
        assertThat(store().get(mailbox, ref).orElseThrow().etag()).isEqualTo(etag);
    }

    @Test
    void a_conditional_put_of_a_missing_resource_is_not_found_and_creates_nothing() {
        Mailbox mailbox = newMailbox();
        Mailbox other = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String etagElsewhere = written(store().create(other, ref, aMeeting("uid-1")));

        WriteResult result = store().put(mailbox, ref, aMeeting("uid-1"), Optional.of(etagElsewhere));

        assertThat(result).isInstanceOf(WriteResult.NotFound.class);
        assertThat(store().get(mailbox, ref)).isEmpty();
        assertThat(store().count(mailbox)).isZero();
    }

    @Test
    void creating_a_name_that_is_taken_is_refused_and_keeps_what_is_there() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String etag = written(store().create(mailbox, ref, aMeetingVersion("uid-1", "First")));

        WriteResult result = store().create(mailbox, ref, aMeetingVersion("uid-1", "Second"));

        assertThat(result).isInstanceOf(WriteResult.PreconditionFailed.class);
        ((WriteResult.PreconditionFailed) result).currentEtag().ifPresent(e -> assertThat(e).isEqualTo(etag));
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(etag);
        assertSameContent(stored.data(), aMeetingVersion("uid-1", "First"));
    }

    @Test
    void names_that_differ_only_in_case_are_two_resources() {
        Mailbox mailbox = newMailbox();
        ResourceRef upper = new ResourceRef("Team-Sync.ics");
        ResourceRef lower = new ResourceRef("team-sync.ics");
        String upperEtag = written(store().create(mailbox, upper, aMeetingVersion("uid-upper", "Upper")));
        String lowerEtag = written(store().create(mailbox, lower, aMeetingVersion("uid-lower", "Lower")));

        written(store().put(mailbox, lower, aMeetingVersion("uid-lower", "Lower again"), Optional.of(lowerEtag)));

        StoredResource stored = store().get(mailbox, upper).orElseThrow();
        assertThat(stored.etag()).isEqualTo(upperEtag);
        assertSameContent(stored.data(), aMeetingVersion("uid-upper", "Upper"));
        assertSameContent(store().get(mailbox, lower).orElseThrow().data(), aMeetingVersion("uid-lower", "Lower again"));
        assertThat(store().count(mailbox)).isEqualTo(2);
    }

    @Test
    void a_put_without_if_match_creates_and_then_replaces() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");

        String first = written(store().put(mailbox, ref, aMeetingVersion("uid-1", "Created"), Optional.empty()));
        String second = written(store().put(mailbox, ref, aMeetingVersion("uid-1", "Replaced"), Optional.empty()));

        assertThat(second).isNotEqualTo(first);
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(second);
        assertSameContent(stored.data(), aMeetingVersion("uid-1", "Replaced"));
        assertThat(store().count(mailbox)).isEqualTo(1);
    }

    @Test
    void every_write_of_changed_content_gives_a_new_etag() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        List<String> etags = new ArrayList<>();
        etags.add(written(store().create(mailbox, ref, aMeetingVersion("uid-1", "Version 0"))));
        for (int i = 1; i <= 5; i++) {
            etags.add(written(store().put(mailbox, ref, aMeetingVersion("uid-1", "Version " + i), Optional.of(etags.getLast()))));
        }
        etags.add(written(store().put(mailbox, ref, aMeetingVersion("uid-1", "Version 6"), Optional.empty())));

        assertThat(etags).doesNotHaveDuplicates();
    }

    @Test
    void every_write_gives_a_new_etag_even_of_the_same_bytes() {
        assumeTrue(givesNewEtagForSameContent(), "this store's ETags name the content, not the write");
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        List<String> etags = new ArrayList<>();
        etags.add(written(store().create(mailbox, ref, aMeeting("uid-1"))));
        for (int i = 0; i < 5; i++) {
            etags.add(written(store().put(mailbox, ref, aMeeting("uid-1"), Optional.of(etags.getLast()))));
        }
        etags.add(written(store().put(mailbox, ref, aMeeting("uid-1"), Optional.empty())));

        assertThat(etags).doesNotHaveDuplicates();
    }

    @Test
    void of_concurrent_writes_with_the_same_etag_exactly_one_wins() throws Exception {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String etag = written(store().create(mailbox, ref, aMeetingVersion("uid-1", "Original")));
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WriteResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String version = "Writer " + i;
                Callable<WriteResult> write = () -> {
                    start.await();
                    return store().put(mailbox, ref, aMeetingVersion("uid-1", version), Optional.of(etag));
                };
                results.add(pool.submit(write));
            }
            start.countDown();
        }

        List<WriteResult> outcomes = new ArrayList<>();
        for (Future<WriteResult> f : results) {
            outcomes.add(f.get());
        }
        List<Integer> winners = IntStream.range(0, writers).filter(i -> outcomes.get(i) instanceof WriteResult.Written).boxed().toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(r -> !(r instanceof WriteResult.Written))
                .allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.PreconditionFailed.class));
        StoredResource stored = store().get(mailbox, ref).orElseThrow();
        assertSameContent(stored.data(), aMeetingVersion("uid-1", "Writer " + winners.getFirst()));
        assertThat(stored.etag()).isEqualTo(((WriteResult.Written) outcomes.get(winners.getFirst())).etag());
    }

    static Stream<Arguments> not_calendar_objects() {
        byte[] two = aMeeting("uid-1");
        byte[] twoCalendars = new byte[two.length * 2];
        System.arraycopy(two, 0, twoCalendars, 0, two.length);
        System.arraycopy(two, 0, twoCalendars, two.length, two.length);
        return Stream.of(
                Arguments.of("not iCalendar", "Subject,Start Date\r\nSync,2027-01-05\r\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("two VCALENDARs", twoCalendars),
                Arguments.of("two UIDs", utf8(text(aMeeting("uid-1")).replace("END:VCALENDAR",
                        "BEGIN:VEVENT\r\nUID:uid-2\r\nDTSTART:20270105T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR"))),
                Arguments.of("no UID", utf8(text(aMeeting("uid-1")).replace("UID:uid-1\r\n", ""))),
                Arguments.of("cut off", utf8(text(aMeeting("uid-1")).replace("END:VCALENDAR\r\n", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("not_calendar_objects")
    void bytes_that_are_not_one_calendar_object_are_refused_and_nothing_is_written(String what, byte[] data) {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = new ResourceRef("bad.ics");

        assertThatThrownBy(() -> store().create(mailbox, ref, data)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put(mailbox, ref, data, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().count(mailbox)).isZero();
    }

    // ---- reading a mailbox ----

    @ParameterizedTest(name = "{0} resources")
    @ValueSource(ints = {0, 1, 99, 100, 101, 2_500})
    void every_resource_is_handed_over_exactly_once_however_the_batches_fall(int resources) {
        assumeTrue(resources <= largestMailboxToFill(), "filling a mailbox with " + resources + " resources takes too long on this store");
        Mailbox mailbox = newMailbox();
        Map<ResourceRef, String> written = new HashMap<>();
        for (int i = 0; i < resources; i++) {
            ResourceRef ref = ResourceRef.forUid("uid-" + i);
            written.put(ref, written(store().create(mailbox, ref, aMeeting("uid-" + i))));
        }

        List<StoredResource> seen = new ArrayList<>();
        store().forEachCandidate(mailbox, FROM, TO, 100, seen::add);

        assertThat(seen).hasSize(resources);
        Map<ResourceRef, String> seenEtags = new HashMap<>();
        seen.forEach(r -> seenEtags.put(r.ref(), r.etag()));
        assertThat(seenEtags).isEqualTo(written);
        assertThat(store().count(mailbox)).isEqualTo(resources);
    }

    @Test
    void the_reader_may_write_each_resource_it_is_handed() {
        Mailbox mailbox = newMailbox();
        for (int i = 0; i < 250; i++) {
            store().create(mailbox, ResourceRef.forUid("uid-" + i), aMeetingVersion("uid-" + i, "Old"));
        }

        List<WriteResult> results = new ArrayList<>();
        store().forEachCandidate(mailbox, FROM, TO, 40, r -> results.add(
                store().put(mailbox, r.ref(), aMeetingVersion(CalendarObject.uidOf(r.data()), "New"), Optional.of(r.etag()))));

        assertThat(results).hasSize(250).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Written.class));
        store().forEachCandidate(mailbox, FROM, TO, 100, r -> assertSameContent(r.data(), aMeetingVersion(CalendarObject.uidOf(r.data()), "New")));
    }

    @Test
    void a_reading_asks_for_a_real_time_range_and_batch() {
        Mailbox mailbox = newMailbox();

        assertThatThrownBy(() -> store().forEachCandidate(mailbox, TO, FROM, 10, r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().forEachCandidate(mailbox, FROM, FROM, 10, r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().forEachCandidate(mailbox, FROM, TO, 0, r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- isolation ----

    /** Alice; Bob in her tenant; and a user with Alice's id in another tenant. */
    private List<Mailbox> threeNeighbours() {
        TenantId tenant = aMailbox().tenant();
        UserId user = UserId.random();
        return List.of(mailboxOf(tenant, user), mailboxOf(tenant, UserId.random()), mailboxOf(aMailbox().tenant(), user));
    }

    @Test
    void mailboxes_of_different_users_and_tenants_never_see_each_others_resources() {
        assumeTrue(holdsOneUidInSeveralMailboxes(), "this store's mailboxes share an account, which holds a UID once");
        List<Mailbox> mailboxes = threeNeighbours();
        ResourceRef shared = ResourceRef.forUid("shared-uid");
        for (int m = 0; m < mailboxes.size(); m++) {
            store().create(mailboxes.get(m), shared, aMeetingVersion("shared-uid", "Owner " + m));
            for (int i = 0; i <= m; i++) {
                store().create(mailboxes.get(m), ResourceRef.forUid("own-" + m + "-" + i), aMeeting("own-" + m + "-" + i));
            }
        }

        for (int m = 0; m < mailboxes.size(); m++) {
            Mailbox mailbox = mailboxes.get(m);
            assertSameContent(store().get(mailbox, shared).orElseThrow().data(), aMeetingVersion("shared-uid", "Owner " + m));
            assertThat(store().count(mailbox)).isEqualTo(m + 2);
            List<String> uids = new ArrayList<>();
            for (int i = 0; i <= m; i++) {
                uids.add("own-" + m + "-" + i);
            }
            uids.add("shared-uid");
            for (int batch : new int[] {1, 100}) {
                List<String> seen = new ArrayList<>();
                store().forEachCandidate(mailbox, FROM, TO, batch, r -> seen.add(CalendarObject.uidOf(r.data())));
                assertThat(seen).as("mailbox %d in batches of %d", m, batch).containsExactlyInAnyOrderElementsOf(uids);
            }
            for (int other = 0; other < mailboxes.size(); other++) {
                if (other != m) {
                    assertThat(store().get(mailbox, ResourceRef.forUid("own-" + other + "-0"))).isEmpty();
                }
            }
        }
    }

    @Test
    void a_write_in_one_mailbox_leaves_the_same_resource_of_its_neighbours_alone() {
        assumeTrue(holdsOneUidInSeveralMailboxes(), "this store's mailboxes share an account, which holds a UID once");
        List<Mailbox> mailboxes = threeNeighbours();
        ResourceRef ref = ResourceRef.forUid("same-uid");
        // The same bytes under the same name everywhere, so a store may well give the same ETags.
        List<String> etags = new ArrayList<>();
        for (Mailbox mailbox : mailboxes) {
            etags.add(written(store().create(mailbox, ref, aMeeting("same-uid"))));
        }

        written(store().put(mailboxes.get(0), ref, aMeetingVersion("same-uid", "Changed"), Optional.of(etags.get(0))));
        written(store().put(mailboxes.get(0), ref, aMeetingVersion("same-uid", "Changed again"), Optional.empty()));

        for (int m = 1; m < mailboxes.size(); m++) {
            StoredResource untouched = store().get(mailboxes.get(m), ref).orElseThrow();
            assertSameContent(untouched.data(), aMeeting("same-uid"));
            assertThat(untouched.etag()).isEqualTo(etags.get(m));
        }
    }

    // ---- helpers ----

    /** The ETag of a write that must have succeeded. */
    protected static String written(WriteResult result) {
        assertThat(result).isInstanceOf(WriteResult.Written.class);
        return ((WriteResult.Written) result).etag();
    }

    private static byte[] only(byte[] export) {
        List<CalendarObject> resources = SplitCalendar.of(export).resources();
        assertThat(resources).hasSize(1);
        return resources.getFirst().data();
    }

    /**
     * LF-only; SUMMARY folded inside U+1F389 (after its second byte) and inside U+00DC (after its
     * first); no line ending after END:VCALENDAR. It has the DTSTAMP RFC 5545 requires, which a
     * CalDAV server would otherwise add.
     */
    private static byte[] lfOnlyWithSplitFolds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("BEGIN:VCALENDAR\nPRODID:-//MMS//Tests//EN\nVERSION:2.0\nBEGIN:VEVENT\nUID:lf-only-folds\n"
                + "DTSTAMP:20261120T090000Z\nDTSTART:20270105T100000Z\nSUMMARY:Planung "));
        out.writeBytes(new byte[] {(byte) 0xf0, (byte) 0x9f, '\n', ' ', (byte) 0x8e, (byte) 0x89, ' ', (byte) 0xc3, '\n', ' ', (byte) 0x9c});
        out.writeBytes(utf8("bersicht \u05e9\u05dc\u05d5\u05dd\nEND:VEVENT\nEND:VCALENDAR"));
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
