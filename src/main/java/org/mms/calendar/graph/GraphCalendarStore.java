package org.mms.calendar.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceHash;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calendar store on Exchange Online, through Microsoft Graph v1.0. A resource is one meeting as the engine plans
 * it: a single event, or a series master with its exceptions, rendered as one VCALENDAR
 * ({@link RenderEventAsCalendar}); its name is the master's immutable id ({@link EventNames}), or the name a caller
 * gave when MMS created it ({@link ImportedNames}); its ETag carries each member event's own ETag ({@link MeetingEtag}).
 *
 * <p>Reading a mailbox pages through {@code calendarView} over the range asked, which lists single events, occurrences
 * and exceptions, never masters. Single events are handed over as they come. Occurrences and exceptions name their
 * master; the exceptions seen are kept (they are few), and once the view is read, each master is read once by id and
 * handed over with them. So the engine sees the exceptions of the range asked (the future: past ones stay as they
 * are) and never an occurrence that only mirrors its master. Every event of the view is handed over, organized by the
 * mailbox or not: whose meeting it is, is the engine's decision (NOT_ORGANIZER), with the same reasons as everywhere.
 * The masters are read as many at once as the mailbox allows requests in flight. {@link #get} reads the exceptions of
 * the next {@link #READ_AHEAD}, as far as a migration looks.
 *
 * <p>Writing sends, per member event whose HTML body or add-in properties changed, one PATCH conditional on that
 * event's own ETag; anything else a write would change is refused ({@link PlanPatches}). A write conditional on an
 * ETag this store handed over is planned on the meeting as it was handed over ({@link MeetingsRead}), without reading
 * it again: Exchange's 412 says whether an event changed since, and the caller then reads, plans and writes again.
 * What the PATCHes do not touch is not compared: an exception changed since, whose block needs no change, stays as
 * it is. Any other write reads the meeting first and compares every member's ETag. Exchange sends the update
 * to the attendees itself, so {@link #schedulesForAttendees} is true, one per event written. Requests stay within
 * Graph's in-flight limits, wait out throttling, and renew a refused token once ({@link GraphHttp}). Thread-safe.
 *
 * <p>What Exchange has no place for. The engine's block also has RFC 7986 {@code CONFERENCE} lines, which no Graph
 * field holds. Dropping them made every migrated meeting read back without them, so each later run planned it as
 * changed again: no PATCH followed (the body and the properties were already right), but the journal and the status
 * counted it migrated every time. They are kept instead in one named property of MMS's own on the event, written in
 * the same PATCH as the block and shown again on read ({@link KeptLines}), so a meeting reads back as it was written
 * and a second run finds nothing to do. The alternative, leaving them out of the plan for this store, would have
 * made the engine's output depend on where a calendar lives; keeping them costs one property per event, which
 * Outlook neither shows nor sends to attendees.
 *
 * <p>Recognizing a write after a crash. Exchange gives back its own rendering of what it was given (its HTML
 * wrapper, no SEQUENCE or DTSTAMP of ours), so the bytes read back never hash to the bytes written, and comparing
 * them would take every interrupted write for one that never happened. Each PATCH therefore also records the hash of
 * the resource it belongs to ({@link PlanPatches#WRITTEN_HASH}), and {@link #holds} looks for it.
 */
public final class GraphCalendarStore implements CalendarStore, AutoCloseable {

    /** How far ahead {@link #get} reads a series' exceptions: as far as a migration looks. */
    static final Duration READ_AHEAD = Duration.ofDays(5 * 366);
    /** Graph's largest page of events. */
    static final int MOST_PER_PAGE = 1000;

    private static final String SELECT = "id,type,seriesMasterId,iCalUId,isOrganizer,isCancelled,isAllDay,subject,body,start,end,"
            + "attendees,organizer,recurrence,originalStart";
    private static final String EXPAND = AddInProperties.expandFilter(
            List.of(ImportedNames.RESOURCE_NAME, ImportedNames.UID, KeptLines.PROPERTY, PlanPatches.WRITTEN_HASH));
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ISO_INSTANT;

    private final GraphSettings settings;
    private final MailboxAddresses addresses;
    private final GraphHttp http;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final MeetingsRead meetingsRead = new MeetingsRead();

    public GraphCalendarStore(GraphSettings settings, AccessTokens tokens, MailboxAddresses addresses) {
        this(settings, tokens, addresses, GraphHttp.newClient(settings), Clock.systemUTC(), d -> Thread.sleep(d));
    }

    /** With a client, a clock and a way to wait of the caller's (tests do not wait out real Retry-After times). */
    GraphCalendarStore(GraphSettings settings, AccessTokens tokens, MailboxAddresses addresses, HttpClient client, Clock clock,
            GraphHttp.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new GraphHttp(settings, client, tokens, clock, sleeper);
    }

    // ---- reading ----

    @Override
    public Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref) {
        Target t = target(mailbox);
        return readMeeting(t, ref).map(m -> stored(t, ref, m));
    }

    @Override
    public void forEachCandidate(Mailbox mailbox, Instant from, Instant to, int batchSize, Consumer<StoredResource> action) {
        Objects.requireNonNull(action, "action");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: " + from + " is not before " + to);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one resource, not " + batchSize);
        }
        Target t = target(mailbox);
        Map<String, List<GraphEvent>> exceptionsByMaster = new LinkedHashMap<>();
        Set<String> handed = new HashSet<>();
        URI page = t.uri("/calendarView", Map.of("startDateTime", GRAPH_TIME.format(from), "endDateTime", GRAPH_TIME.format(to),
                "$select", SELECT, "$expand", EXPAND, "$top", Integer.toString(Math.min(batchSize, MOST_PER_PAGE))));
        while (page != null) {
            JsonNode answer = t.read("GET", page, "GET /users/" + t.upn + "/calendarView");
            for (JsonNode item : answer.path("value")) {
                GraphEvent event = GraphEvent.of(item);
                if (event.seriesMasterId().isPresent() && !event.isSeriesMaster()) {
                    List<GraphEvent> kept = exceptionsByMaster.computeIfAbsent(event.seriesMasterId().get(), m -> new ArrayList<>());
                    if (event.isException()) {
                        kept.add(event);
                    }
                } else if (!event.isSeriesMaster() && handed.add(event.id())) {
                    action.accept(stored(t, nameOf(event), new GraphMeeting(event, List.of())));
                }
            }
            page = GraphEvent.text(answer, "@odata.nextLink").map(URI::create).orElse(null);
        }
        handOverSeries(t, exceptionsByMaster, handed, action);
    }

    /**
     * Each series of the view with its exceptions, in the order the view named them: the masters are read as many at
     * once as the mailbox allows in flight (a worker otherwise waits for each master in turn while three of its
     * mailbox's four places stay idle), and no more than that are read ahead of the one handed over, so a mailbox of
     * many series is not held in memory at once.
     */
    private void handOverSeries(Target t, Map<String, List<GraphEvent>> exceptionsByMaster, Set<String> handed,
            Consumer<StoredResource> action) {
        java.util.Iterator<Map.Entry<String, List<GraphEvent>>> series = exceptionsByMaster.entrySet().iterator();
        java.util.ArrayDeque<Map.Entry<List<GraphEvent>, Future<Optional<GraphEvent>>>> reading = new java.util.ArrayDeque<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (series.hasNext() || !reading.isEmpty()) {
                while (reading.size() < settings.mailboxInFlight() && series.hasNext()) {
                    Map.Entry<String, List<GraphEvent>> next = series.next();
                    reading.add(Map.entry(next.getValue(), readers.submit(() -> t.event(next.getKey()))));
                }
                Map.Entry<List<GraphEvent>, Future<Optional<GraphEvent>>> first = reading.removeFirst();
                Optional<GraphEvent> master = outcome(first.getValue(), "GET /users/" + t.upn + "/events/…");
                if (master.isPresent() && handed.add(master.get().id())) {
                    List<GraphEvent> exceptions = new ArrayList<>(first.getKey());
                    exceptions.sort(Comparator.comparing(e -> e.originalStart().orElse(Instant.EPOCH)));
                    action.accept(stored(t, nameOf(master.get()), new GraphMeeting(master.get(), exceptions)));
                }
            }
        }
    }

    /** What a read begun in another thread gave, or what it threw, as if it had been read here. */
    private static <T> T outcome(Future<T> read, String what) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClassifyGraphFailure.interrupted(what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    @Override
    public long count(Mailbox mailbox) {
        Target t = target(mailbox);
        long count = 0;
        URI page = t.uri("/events", Map.of("$select", "id", "$top", Integer.toString(MOST_PER_PAGE)));
        while (page != null) {
            JsonNode answer = t.read("GET", page, "GET /users/" + t.upn + "/events");
            count += answer.path("value").size();
            page = GraphEvent.text(answer, "@odata.nextLink").map(URI::create).orElse(null);
        }
        return count;
    }

    /** Exchange sends the update from the organizer's mailbox when the organizer's copy changes. */
    @Override
    public boolean schedulesForAttendees(Mailbox mailbox) {
        return true;
    }

    /** A series' master and each of its exceptions are items of their own, each PATCH one update. */
    @Override
    public boolean sendsEachEventApart(Mailbox mailbox) {
        return true;
    }

    /**
     * Whether an event of the meeting carries this hash in {@link PlanPatches#WRITTEN_HASH}: then a PATCH of that
     * write reached Exchange, and Exchange sent its update. A write interrupted between the master's PATCH and an
     * exception's counts as made; the next run finds the exception still to do and writes it alone.
     */
    @Override
    public boolean holds(Mailbox mailbox, ResourceRef ref, String resourceHash) {
        Optional<GraphMeeting> meeting = readMeeting(target(mailbox), ref);
        return meeting.isPresent() && meeting.get().members().stream()
                .anyMatch(e -> e.property(PlanPatches.WRITTEN_HASH).filter(resourceHash::equals).isPresent());
    }

    // ---- writing ----

    @Override
    public WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch) {
        Objects.requireNonNull(ifMatch, "ifMatch");
        List<IcalEvent> wanted = IcalEvent.readAll(data.clone());
        Target t = target(mailbox);
        Optional<GraphMeeting> handedOver = ifMatch.flatMap(etag -> meetingsRead.take(etag, t.upn, ref));
        if (handedOver.isPresent()) {
            List<PlanPatches.Patch> patches = PlanPatches.of(handedOver.get(), wanted, ResourceHash.of(data), json);
            if (!patches.isEmpty()) {
                // Each PATCH is conditional on its event's ETag as read: a change since is Exchange's 412, a lost race.
                return send(t, handedOver.get(), patches);
            }
            // Nothing for Graph to change: only reading says whether the ETag is still the meeting's.
        }
        Optional<Map<String, String>> read = ifMatch.flatMap(MeetingEtag::read);
        Optional<GraphMeeting> current = read.isPresent() ? readMembers(t, ref, read.get()) : readMeeting(t, ref);
        if (current.isEmpty()) {
            return ifMatch.isPresent() ? new WriteResult.NotFound() : create(mailbox, ref, data);
        }
        String currentEtag = MeetingEtag.of(current.get().members());
        if (ifMatch.isPresent() && !ifMatch.get().equals(currentEtag)) {
            return new WriteResult.PreconditionFailed(Optional.of(currentEtag));
        }
        return send(t, current.get(), PlanPatches.of(current.get(), wanted, ResourceHash.of(data), json));
    }

    /**
     * The PATCHes of one write, master first, each conditional on its event's ETag. A 412, or an exception gone, means
     * the meeting changed since it was read: a lost race, for the caller to read and plan again. The master gone is the
     * meeting gone.
     */
    private WriteResult send(Target t, GraphMeeting current, List<PlanPatches.Patch> patches) {
        Map<String, String> etags = new LinkedHashMap<>();
        current.members().forEach(e -> etags.put(e.id(), e.etag()));
        for (PlanPatches.Patch patch : patches) {
            GraphResponse answer = t.send("PATCH", t.uri("/events/" + segment(patch.event().id()), Map.of()),
                    "PATCH /users/" + t.upn + "/events/…", bytes(patch.body()), Map.of("If-Match", patch.event().etag()));
            if (answer.status() == 412) {
                return new WriteResult.PreconditionFailed(Optional.empty());
            }
            if (answer.status() == 404 && t.isItemMissing(answer)) {
                return patch.event().id().equals(current.first().id()) ? new WriteResult.NotFound()
                        : new WriteResult.PreconditionFailed(Optional.empty());
            }
            if (!answer.isSuccess()) {
                throw ClassifyGraphFailure.of(answer, t.upn);
            }
            etags.put(patch.event().id(), GraphEvent.text(answer.json(), "@odata.etag")
                    .or(() -> t.event(patch.event().id()).map(GraphEvent::etag)).orElse(""));
        }
        return new WriteResult.Written(MeetingEtag.of(etags));
    }

    /**
     * The writes of a batch, as many at once as Graph allows requests in flight to one mailbox: each write is a PATCH
     * or a few, one after the other, so one write at a time would leave three of the mailbox's four places idle.
     * The results come in the order of the writes. A failure that stops the batch is thrown once every write already
     * begun has ended, and no write begins after it, so that what the caller journaled before is settled by reading
     * the meetings again, as after a batch written one by one.
     */
    @Override
    public List<WriteResult> putAll(Mailbox mailbox, List<Write> writes) {
        Semaphore places = new Semaphore(settings.mailboxInFlight());
        List<Future<WriteResult>> results = new ArrayList<>(writes.size());
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Write w : writes) {
                try {
                    places.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.compareAndSet(null, ClassifyGraphFailure.interrupted("writing a batch of meetings", e));
                    break;
                }
                if (failed.get() != null) {
                    break;
                }
                results.add(writers.submit(() -> {
                    try {
                        return put(mailbox, w.ref(), w.data(), Optional.of(w.ifMatch()));
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                        throw e;
                    } finally {
                        places.release();
                    }
                }));
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return results.stream().map(Future::resultNow).toList();
    }

    /**
     * Creates the meeting under the name given, remembered in an extended property ({@link ImportedNames}). Graph
     * has no conditional create for a name of the client's (If-None-Match names nothing here), so the name is looked
     * up first and the event created after: two creates of one name at the same moment can both write. Only imports
     * and the admin's "add online meeting" create; migrations write with If-Match.
     */
    @Override
    public WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data) {
        if (EventNames.isEventName(ref)) {
            throw new IllegalArgumentException("names that begin with " + EventNames.PREFIX + " are the Graph store's own: " + ref);
        }
        List<IcalEvent> events = IcalEvent.readAll(data.clone());
        IcalEvent master = events.stream().filter(e -> e.recurrenceId().isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("overrides without their master cannot be created on Graph"));
        List<IcalEvent> overrides = events.stream().filter(e -> e.recurrenceId().isPresent()).toList();
        if (!overrides.isEmpty() && master.rrule().isEmpty()) {
            throw new IllegalArgumentException("overrides of a meeting without RRULE cannot be created on Graph");
        }
        ObjectNode body = ComposeNewEvent.event(master, ref.href(), json);
        Target t = target(mailbox);
        Optional<GraphMeeting> existing = readMeeting(t, ref);
        if (existing.isPresent()) {
            return new WriteResult.PreconditionFailed(Optional.of(MeetingEtag.of(existing.get().members())));
        }
        GraphEvent created = GraphEvent.of(t.read("POST", t.uri("/events", Map.of()), "POST /users/" + t.upn + "/events", bytes(body)));
        for (IcalEvent override : overrides) {
            GraphEvent occurrence = occurrenceAt(t, created.id(), override.recurrenceId().get());
            t.read("PATCH", t.uri("/events/" + segment(occurrence.id()), Map.of()), "PATCH /users/" + t.upn + "/events/…",
                    bytes(ComposeNewEvent.override(override, json)));
        }
        if (overrides.isEmpty() && !created.etag().isEmpty()) {
            return new WriteResult.Written(MeetingEtag.of(List.of(created)));
        }
        return new WriteResult.Written(readMeeting(t, ref).map(m -> MeetingEtag.of(m.members()))
                .orElseThrow(() -> ClassifyGraphFailure.unreadable("GET /users/" + t.upn + "/events/…", "the event just created is gone")));
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "GraphCalendarStore[" + settings.graphUrl() + ", tenant " + settings.directoryTenantId() + "]";
    }

    // ---- pieces ----

    /** A meeting handed over, remembered under its ETag for a write conditional on it. */
    private StoredResource stored(Target t, ResourceRef ref, GraphMeeting meeting) {
        String etag = MeetingEtag.of(meeting.members());
        meetingsRead.remember(etag, t.upn, ref, meeting);
        return new StoredResource(ref, etag, RenderEventAsCalendar.render(meeting));
    }

    /** The name a meeting goes by: the one a caller gave when MMS created it, else its master's id. */
    private static ResourceRef nameOf(GraphEvent first) {
        return first.property(ImportedNames.RESOURCE_NAME).flatMap(GraphCalendarStore::asName).orElseGet(() -> EventNames.of(first.id()));
    }

    private static Optional<ResourceRef> asName(String href) {
        try {
            return Optional.of(new ResourceRef(href));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    /**
     * The meeting a name stands for, as the events an ETag lists are now: the master read by its name, each exception
     * by its id, so a write compares exactly what its caller read. Empty when the master is gone; an exception gone
     * since shows as an event without a version, so that the ETags differ.
     */
    private Optional<GraphMeeting> readMembers(Target t, ResourceRef ref, Map<String, String> members) {
        Optional<GraphEvent> first = EventNames.eventId(ref).isPresent() ? t.event(EventNames.eventId(ref).get()) : t.eventNamed(ref);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!members.keySet().iterator().next().equals(first.get().id())) {
            // An ETag of another meeting: what is there now, whose ETag will not match it.
            return readMeeting(t, ref);
        }
        List<GraphEvent> exceptions = new ArrayList<>();
        for (String id : members.keySet()) {
            if (!id.equals(first.get().id())) {
                exceptions.add(t.event(id).orElseGet(() -> gone(id)));
            }
        }
        return Optional.of(new GraphMeeting(first.get(), exceptions));
    }

    private static GraphEvent gone(String id) {
        return new GraphEvent(id, "", "exception", Optional.empty(), id, true, true, false, "", "", Instant.EPOCH, Instant.EPOCH,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The meeting a name stands for, with the exceptions of the next {@link #READ_AHEAD}. */
    private Optional<GraphMeeting> readMeeting(Target t, ResourceRef ref) {
        Optional<GraphEvent> first = EventNames.eventId(ref).isPresent() ? t.event(EventNames.eventId(ref).get()) : t.eventNamed(ref);
        if (first.isPresent() && first.get().seriesMasterId().isPresent() && !first.get().isSeriesMaster()) {
            first = t.event(first.get().seriesMasterId().get());
        }
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().isSeriesMaster()) {
            return Optional.of(new GraphMeeting(first.get(), List.of()));
        }
        Instant now = clock.instant();
        List<GraphEvent> exceptions = new ArrayList<>();
        URI page = t.uri("/events/" + segment(first.get().id()) + "/instances", Map.of("startDateTime", GRAPH_TIME.format(now),
                "endDateTime", GRAPH_TIME.format(now.plus(READ_AHEAD)), "$select", SELECT, "$expand", EXPAND,
                "$top", Integer.toString(MOST_PER_PAGE)));
        while (page != null) {
            JsonNode answer = t.read("GET", page, "GET /users/" + t.upn + "/events/…/instances");
            for (JsonNode item : answer.path("value")) {
                GraphEvent event = GraphEvent.of(item);
                if (event.isException()) {
                    exceptions.add(event);
                }
            }
            page = GraphEvent.text(answer, "@odata.nextLink").map(URI::create).orElse(null);
        }
        exceptions.sort(Comparator.comparing(e -> e.originalStart().orElse(Instant.EPOCH)));
        return Optional.of(new GraphMeeting(first.get(), exceptions));
    }

    /** The occurrence of a series that starts at {@code start}, to be turned into an exception. */
    private GraphEvent occurrenceAt(Target t, String masterId, Instant start) {
        URI uri = t.uri("/events/" + segment(masterId) + "/instances", Map.of("startDateTime", GRAPH_TIME.format(start.minusSeconds(60)),
                "endDateTime", GRAPH_TIME.format(start.plusSeconds(60)), "$select", "id,type,start,end"));
        for (JsonNode item : t.read("GET", uri, "GET /users/" + t.upn + "/events/…/instances").path("value")) {
            GraphEvent occurrence = GraphEvent.of(item);
            if (occurrence.start().equals(start)) {
                return occurrence;
            }
        }
        throw new IllegalArgumentException("the series has no occurrence at " + start + " for its override to replace");
    }

    private byte[] bytes(JsonNode node) {
        return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private Target target(Mailbox mailbox) {
        String upn = Objects.requireNonNull(addresses.upnOf(mailbox), "no UPN for " + mailbox);
        if (upn.isBlank()) {
            throw new IllegalArgumentException("no UPN for " + mailbox);
        }
        return new Target(upn);
    }

    /** One percent-encoded URL path segment. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Requests about one mailbox. */
    private final class Target {
        final String upn;

        Target(String upn) {
            this.upn = upn;
        }

        URI uri(String path, Map<String, String> query) {
            StringBuilder url = new StringBuilder(settings.graphUrl().toString().replaceAll("/+$", ""))
                    .append("/users/").append(segment(upn)).append(path);
            char separator = '?';
            for (Map.Entry<String, String> q : new java.util.TreeMap<>(query).entrySet()) {
                url.append(separator).append(q.getKey()).append('=').append(segment(q.getValue()));
                separator = '&';
            }
            return URI.create(url.toString());
        }

        GraphResponse send(String method, URI uri, String what, byte[] body, Map<String, String> headers) {
            return http.send(upn, method, uri, what, body, headers);
        }

        /** A request that must succeed; its JSON answer. */
        JsonNode read(String method, URI uri, String what) {
            return read(method, uri, what, new byte[0]);
        }

        JsonNode read(String method, URI uri, String what, byte[] body) {
            GraphResponse answer = send(method, uri, what, body, Map.of());
            if (!answer.isSuccess()) {
                throw ClassifyGraphFailure.of(answer, upn);
            }
            return answer.json();
        }

        /** An event by id, or empty when the mailbox has none of that id. */
        Optional<GraphEvent> event(String id) {
            GraphResponse answer = send("GET", uri("/events/" + segment(id), Map.of("$select", SELECT, "$expand", EXPAND)),
                    "GET /users/" + upn + "/events/…", new byte[0], Map.of());
            if (isItemMissing(answer)) {
                return Optional.empty();
            }
            if (!answer.isSuccess()) {
                throw ClassifyGraphFailure.of(answer, upn);
            }
            return Optional.of(GraphEvent.of(answer.json()));
        }

        /**
         * The event MMS created under a caller's name, found by its {@link ImportedNames#RESOURCE_NAME}. Graph compares
         * an extended property's value in any case, so {@code Team.ics} also finds {@code team.ics}; names are exact,
         * so the one whose value is the name itself is picked from what Graph finds.
         */
        Optional<GraphEvent> eventNamed(ResourceRef ref) {
            String filter = "singleValueExtendedProperties/any(ep: ep/id eq '" + ImportedNames.RESOURCE_NAME + "' and ep/value eq '"
                    + ref.href().replace("'", "''") + "')";
            URI page = uri("/events", Map.of("$filter", filter, "$select", SELECT, "$expand", EXPAND, "$top", "10"));
            while (page != null) {
                JsonNode answer = read("GET", page, "GET /users/" + upn + "/events");
                for (JsonNode item : answer.path("value")) {
                    GraphEvent event = GraphEvent.of(item);
                    if (event.property(ImportedNames.RESOURCE_NAME).filter(ref.href()::equals).isPresent()) {
                        return Optional.of(event);
                    }
                }
                page = GraphEvent.text(answer, "@odata.nextLink").map(URI::create).orElse(null);
            }
            return Optional.empty();
        }

        /**
         * A 404 about the event rather than the mailbox (Graph names a missing mailbox {@code ErrorInvalidUser} or
         * {@code MailboxNotEnabledForRESTAPI}), or an id Graph cannot read at all.
         */
        boolean isItemMissing(GraphResponse answer) {
            String code = answer.errorCode().orElse("");
            if (answer.status() == 404) {
                return !code.equalsIgnoreCase("ErrorInvalidUser") && !code.equalsIgnoreCase("MailboxNotEnabledForRESTAPI");
            }
            return answer.status() == 400 && code.equalsIgnoreCase("ErrorInvalidIdMalformed");
        }
    }
}
