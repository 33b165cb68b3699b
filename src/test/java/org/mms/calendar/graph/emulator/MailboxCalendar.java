package org.mms.calendar.graph.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One mailbox's default calendar: single events, series masters and their exceptions, each stored as the Graph event
 * resource Exchange would return, plus the occurrences the organizer cancelled. Occurrences are not stored; they are
 * made from the master when read. Every method holds the calendar's lock, so concurrent requests see whole writes.
 */
final class MailboxCalendar {

    /** Exchange's GlobalObjectId begins with this class id; iCalUId is that id in hex. */
    private static final String GLOBAL_OBJECT_ID_CLASS = "040000008200E00074C5B7101A82E008";
    private static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "type",
            "seriesMasterId", "iCalUId", "originalStart");

    private static final Comparator<ObjectNode> BY_START = Comparator.comparing((ObjectNode e) -> GraphTime.instant(e.path("start")))
            .thenComparing(e -> e.path("id").asString());

    private final String upn;
    private final Clock clock;
    private final Consumer<Notification> notifications;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Map<String, Set<Instant>> cancelled = new HashMap<>();

    MailboxCalendar(String upn, Clock clock, Consumer<Notification> notifications) {
        this.upn = upn;
        this.clock = clock;
        this.notifications = notifications;
    }

    String upn() {
        return upn;
    }

    /** Stores a new event as POST /events does; the body's own iCalUId is ignored, as Graph ignores it. */
    synchronized ObjectNode create(JsonNode request, Optional<String> uid) {
        if (!(request instanceof ObjectNode fields)) {
            throw new BadRequest("RequestBodyRead", "An event is a JSON object.");
        }
        ObjectNode event = fields.objectNode();
        String id = "AAMkAD" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(33));
        event.put("id", id);
        Instant now = clock.instant();
        event.put("createdDateTime", now.toString());
        event.put("lastModifiedDateTime", now.toString());
        // GlobalObjectId: class id, instance date (zero in a master), creation time, eight zero bytes, data size, data.
        event.put("iCalUId", uid.orElseGet(() -> GLOBAL_OBJECT_ID_CLASS + "00000000" + HexFormat.of().withUpperCase().formatHex(bytes(8))
                + "0000000000000000" + "10000000" + HexFormat.of().withUpperCase().formatHex(bytes(16))));
        event.put("isOrganizer", true);
        event.putObject("organizer").putObject("emailAddress").put("name", upn).put("address", upn);
        event.putArray("attendees");
        event.put("isCancelled", false);
        event.putObject("body").put("contentType", "html").put("content", ExchangeBody.stored("html", ""));
        for (var property : fields.properties()) {
            if (!READ_ONLY.contains(property.getKey()) && !property.getKey().startsWith("@odata")) {
                event.set(property.getKey(), property.getValue().deepCopy());
            }
        }
        if (!event.hasNonNull("start") || !event.hasNonNull("end")) {
            throw new BadRequest("ErrorInvalidRequest", "An event has a start and an end.");
        }
        normalizeBody(event);
        event.put("type", event.hasNonNull("recurrence") ? "seriesMaster" : "singleInstance");
        event.putNull("seriesMasterId");
        newChangeKey(event);
        events.put(id, event);
        return event.deepCopy();
    }

    /** A stored event or one occurrence of a series, as Graph returns it by id. */
    synchronized Optional<ObjectNode> find(String id) {
        ObjectNode stored = events.get(id);
        if (stored != null) {
            return Optional.of(stored.deepCopy());
        }
        return OccurrenceId.decode(id).filter(this::isLiveOccurrence).map(this::occurrence);
    }

    /** A page of a window's instances and how many the window holds in all. */
    record ViewPage(List<ObjectNode> items, int total) {
    }

    /**
     * The instances of the window, as calendarView lists them: no masters, no cancelled occurrences, by start; those
     * from {@code offset}, at most {@code size}. Only the page's instances are made (an occurrence is a copy of its
     * master, body included), so paging through a large window costs what its pages hold, not the window once a page.
     */
    synchronized ViewPage view(Instant from, Instant to, int offset, int size) {
        record Instance(Instant start, String id, Supplier<ObjectNode> make) {
        }
        List<Instance> instances = new ArrayList<>();
        for (ObjectNode event : events.values()) {
            switch (event.path("type").asString()) {
                case "seriesMaster" -> {
                    for (OccurrenceId id : occurrenceIds(event, from, to)) {
                        instances.add(new Instance(id.originalStart(), id.encoded(), () -> occurrence(id)));
                    }
                }
                default -> {
                    if (overlaps(event, from, to)) {
                        instances.add(new Instance(GraphTime.instant(event.path("start")), event.path("id").asString(), event::deepCopy));
                    }
                }
            }
        }
        instances.sort(Comparator.comparing(Instance::start).thenComparing(Instance::id));
        List<ObjectNode> page = new ArrayList<>();
        for (Instance instance : instances.subList(Math.min(offset, instances.size()), Math.min(offset + size, instances.size()))) {
            page.add(instance.make().get());
        }
        return new ViewPage(page, instances.size());
    }

    /**
     * The events {@code GET /events} lists: single events and series masters, never occurrences or exceptions, in the
     * order they were created, those {@code filter} accepts.
     */
    synchronized List<ObjectNode> list(Predicate<JsonNode> filter) {
        List<ObjectNode> listed = new ArrayList<>();
        for (ObjectNode event : events.values()) {
            if (!event.path("type").asString().equals("exception") && filter.test(event)) {
                listed.add(event.deepCopy());
            }
        }
        return listed;
    }

    /**
     * {@code GET /events/{id}/instances}: the exceptions and occurrences of a series master that overlap the window,
     * cancelled occurrences left out; empty when there is no event of that id. Exceptions come first, then the
     * occurrences, each by start, as in the example Graph documents (which lists an exception before an earlier
     * occurrence); a client must not rely on the order. What Graph answers for an event that is not a series master is
     * not documented, so it is refused rather than guessed.
     */
    synchronized Optional<List<ObjectNode>> instances(String id, Instant from, Instant to) {
        Optional<ObjectNode> event = find(id);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        String type = event.get().path("type").asString();
        if (!type.equals("seriesMaster")) {
            throw new BadRequest("ErrorInvalidRequest", "The emulator lists the instances of series masters only, not of a " + type + ".");
        }
        List<ObjectNode> exceptions = new ArrayList<>();
        for (ObjectNode stored : events.values()) {
            if (id.equals(text(stored.path("seriesMasterId"))) && overlaps(stored, from, to)) {
                exceptions.add(stored.deepCopy());
            }
        }
        exceptions.sort(BY_START);
        List<ObjectNode> occurrences = occurrences(event.get(), from, to);
        occurrences.sort(BY_START);
        List<ObjectNode> instances = new ArrayList<>(exceptions);
        instances.addAll(occurrences);
        return Optional.of(instances);
    }

    /**
     * Applies a PATCH. An occurrence that is patched becomes an exception with the same id, as in Exchange. When
     * {@code sentByClient} and the organizer's copy of a meeting with attendees has its body or extended properties
     * changed, Exchange sends the update, and a notification is recorded.
     */
    synchronized WriteOutcome update(String id, JsonNode patch, Optional<String> ifMatch, boolean sentByClient) {
        if (!(patch instanceof ObjectNode changes)) {
            throw new BadRequest("RequestBodyRead", "A PATCH body is a JSON object.");
        }
        ObjectNode event = events.get(id);
        if (event == null) {
            Optional<OccurrenceId> occurrenceId = OccurrenceId.decode(id).filter(this::isLiveOccurrence);
            if (occurrenceId.isEmpty()) {
                return new WriteOutcome.NotFound();
            }
            if (ifMatch.isPresent() && !matches(ifMatch.get(), events.get(occurrenceId.get().masterId()))) {
                return new WriteOutcome.Stale(events.get(occurrenceId.get().masterId()).path("@odata.etag").asString());
            }
            event = occurrence(occurrenceId.get());
            event.put("type", "exception");
            events.put(id, event);
        } else if (ifMatch.isPresent() && !matches(ifMatch.get(), event)) {
            return new WriteOutcome.Stale(event.path("@odata.etag").asString());
        }
        boolean announced = false;
        for (var property : changes.properties()) {
            String name = property.getKey();
            if (name.startsWith("@odata")) {
                continue;
            }
            if (READ_ONLY.contains(name)) {
                throw new BadRequest("ErrorInvalidPropertySet", "The property '" + name + "' is read-only and cannot be set.");
            }
            switch (name) {
                case "singleValueExtendedProperties" -> {
                    mergeExtendedProperties(event, property.getValue());
                    announced = true;
                }
                case "body" -> {
                    event.set("body", property.getValue().deepCopy());
                    normalizeBody(event);
                    announced = true;
                }
                default -> event.set(name, property.getValue().deepCopy());
            }
        }
        newChangeKey(event);
        event.put("lastModifiedDateTime", clock.instant().toString());
        if (sentByClient && announced && event.path("isOrganizer").asBoolean(false) && !event.path("attendees").isEmpty()) {
            notifications.accept(new Notification(upn, id, event.path("iCalUId").asString(), clock.instant()));
        }
        return new WriteOutcome.Written(event.deepCopy());
    }

    /** Deletes an event (a master with its exceptions) or cancels one occurrence of a series. */
    synchronized WriteOutcome delete(String id, Optional<String> ifMatch) {
        ObjectNode event = events.get(id);
        if (event == null) {
            Optional<OccurrenceId> occurrenceId = OccurrenceId.decode(id).filter(this::isLiveOccurrence);
            if (occurrenceId.isEmpty()) {
                return new WriteOutcome.NotFound();
            }
            cancel(occurrenceId.get());
            return new WriteOutcome.Deleted();
        }
        if (ifMatch.isPresent() && !matches(ifMatch.get(), event)) {
            return new WriteOutcome.Stale(event.path("@odata.etag").asString());
        }
        if (event.path("type").asString().equals("exception")) {
            cancel(new OccurrenceId(event.path("seriesMasterId").asString(), Instant.parse(event.path("originalStart").asString())));
        } else {
            events.remove(id);
            events.values().removeIf(e -> id.equals(text(e.path("seriesMasterId"))));
            cancelled.remove(id);
        }
        return new WriteOutcome.Deleted();
    }

    /** Cancels one occurrence: it and any exception made of it leave the calendar view. */
    synchronized boolean cancel(OccurrenceId occurrence) {
        if (!events.containsKey(occurrence.masterId())) {
            return false;
        }
        events.remove(occurrence.encoded());
        cancelled.computeIfAbsent(occurrence.masterId(), m -> new HashSet<>()).add(occurrence.originalStart());
        return true;
    }

    boolean isLiveOccurrence(OccurrenceId id) {
        ObjectNode master = events.get(id.masterId());
        if (master == null || !master.path("type").asString().equals("seriesMaster")
                || cancelled.getOrDefault(id.masterId(), Set.of()).contains(id.originalStart())) {
            return false;
        }
        Instant start = id.originalStart();
        return ExpandRecurrence.originalStarts(master, start, start.plusSeconds(1)).contains(start);
    }

    /** The occurrences of a master in the window that are neither cancelled nor made exceptions. */
    private List<ObjectNode> occurrences(ObjectNode master, Instant from, Instant to) {
        List<ObjectNode> occurrences = new ArrayList<>();
        for (OccurrenceId id : occurrenceIds(master, from, to)) {
            occurrences.add(occurrence(id));
        }
        return occurrences;
    }

    /** The series' occurrences in the window that are neither cancelled nor exceptions. */
    private List<OccurrenceId> occurrenceIds(ObjectNode master, Instant from, Instant to) {
        String masterId = master.path("id").asString();
        Set<Instant> skipped = new HashSet<>(cancelled.getOrDefault(masterId, Set.of()));
        skipped.addAll(exceptionStarts(masterId));
        List<OccurrenceId> ids = new ArrayList<>();
        for (Instant start : ExpandRecurrence.originalStarts(master, from, to)) {
            if (!skipped.contains(start)) {
                ids.add(new OccurrenceId(masterId, start));
            }
        }
        return ids;
    }

    /** Whether an event meets the window; one without duration does when it starts in it, as ExpandRecurrence counts them. */
    private static boolean overlaps(ObjectNode event, Instant from, Instant to) {
        Instant start = GraphTime.instant(event.path("start"));
        Instant end = GraphTime.instant(event.path("end"));
        return start.isBefore(to) && (end.isAfter(from) || (end.equals(start) && !start.isBefore(from)));
    }

    private Set<Instant> exceptionStarts(String masterId) {
        Set<Instant> starts = new HashSet<>();
        for (ObjectNode event : events.values()) {
            if (masterId.equals(text(event.path("seriesMasterId")))) {
                starts.add(Instant.parse(event.path("originalStart").asString()));
            }
        }
        return starts;
    }

    /** One occurrence made from its master: the master's fields at the occurrence's time, without the recurrence. */
    private ObjectNode occurrence(OccurrenceId id) {
        ObjectNode master = events.get(id.masterId());
        ObjectNode occurrence = master.deepCopy();
        ZoneId zone = GraphTime.zoneOf(master.path("start"));
        Duration length = Duration.between(GraphTime.instant(master.path("start")), GraphTime.instant(master.path("end")));
        occurrence.put("id", id.encoded());
        occurrence.put("type", "occurrence");
        occurrence.put("seriesMasterId", id.masterId());
        occurrence.putNull("recurrence");
        occurrence.set("start", GraphTime.of(id.originalStart(), zone, master.path("start").path("timeZone").asString()));
        occurrence.set("end", GraphTime.of(id.originalStart().plus(length), zone, master.path("end").path("timeZone").asString()));
        occurrence.put("originalStart", id.originalStart().toString());
        occurrence.put("iCalUId", instanceUid(master.path("iCalUId").asString(), id.originalStart()));
        return occurrence;
    }

    /**
     * Graph documents iCalUId as different for each occurrence of a series. Exchange's GlobalObjectId carries the
     * instance's date in bytes 16 to 19 (year, month, day; MS-OXOCAL), zero in the master; a UID imported from
     * iCalendar that is not in that form is kept as it is.
     */
    private static String instanceUid(String masterUid, Instant originalStart) {
        if (!masterUid.startsWith(GLOBAL_OBJECT_ID_CLASS) || masterUid.length() < 40) {
            return masterUid;
        }
        LocalDate date = LocalDate.ofInstant(originalStart, ZoneOffset.UTC);
        String stamp = String.format(Locale.ROOT, "%04X%02X%02X", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        return GLOBAL_OBJECT_ID_CLASS + stamp + masterUid.substring(40);
    }

    private static void mergeExtendedProperties(ObjectNode event, JsonNode given) {
        ArrayNode merged = event.has("singleValueExtendedProperties") && event.get("singleValueExtendedProperties").isArray()
                ? (ArrayNode) event.get("singleValueExtendedProperties")
                : event.putArray("singleValueExtendedProperties");
        for (JsonNode property : given) {
            String id = property.path("id").asString("");
            boolean replaced = false;
            for (JsonNode existing : merged) {
                if (existing.path("id").asString("").equalsIgnoreCase(id)) {
                    ((ObjectNode) existing).set("value", property.path("value").deepCopy());
                    replaced = true;
                }
            }
            if (!replaced) {
                merged.add(property.deepCopy());
            }
        }
    }

    private static void normalizeBody(ObjectNode event) {
        JsonNode body = event.path("body");
        String stored = ExchangeBody.stored(body.path("contentType").asString("html"), body.path("content").asString(""));
        event.putObject("body").put("contentType", "html").put("content", stored);
    }

    private void newChangeKey(ObjectNode event) {
        String changeKey = "DwAAABYAAA" + Base64.getEncoder().encodeToString(bytes(18));
        event.put("changeKey", changeKey);
        event.put("@odata.etag", "W/\"" + changeKey + "\"");
    }

    /** If-Match compares change keys: {@code W/"…"}, {@code "…"} and {@code *} are understood. */
    private static boolean matches(String ifMatch, ObjectNode event) {
        String wanted = ifMatch.trim();
        if (wanted.equals("*")) {
            return true;
        }
        return unquoted(wanted).equals(event.path("changeKey").asString());
    }

    private static String unquoted(String etag) {
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
