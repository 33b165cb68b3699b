package org.mms.calendar.caldav;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;

/**
 * The calendar store on a CalDAV server (RFC 4791): each mailbox is a calendar collection (where, the
 * {@link MailboxLocator} says), each resource a calendar object resource at the collection's URL
 * followed by its {@link ResourceRef}.
 *
 * <p>Servers rewrite what they store (property order, folding, sometimes values), so what comes back
 * is the server's rendering of what was written, not the same bytes; ETags are the server's, and
 * every write is conditional on them exactly as the port describes. So {@link #holds} cannot recognize a write that
 * happened by its bytes: a migration that stopped between a write and its confirmation settles it by the ETag the
 * write was conditional on (see {@code MigrateOrganizer}).
 *
 * <p>Writes send the caller's bytes, except that folds splitting a UTF-8 sequence are moved to a
 * character boundary (see {@link WholeCharacterFolds}: Radicale would otherwise store mojibake), and,
 * when the settings say MMS sends the updates, attendees are marked {@code SCHEDULE-AGENT=CLIENT}
 * (see {@link MarkAttendeesClientScheduled}); nothing else changes.
 *
 * <p>Reading a mailbox costs a few calendar-query REPORTs that return hrefs and ETags only, then one
 * calendar-multiget per batch: the data of one batch at a time is in memory, never the calendar's.
 * Servers differ in how they match recurring events against a time range (Xandikos ignores RRULE), so
 * the candidates include every series that starts before the range ends; callers re-filter with the
 * engine's own recurrence rules, as the port asks anyway.
 *
 * <p>Failures: {@link org.mms.calendar.TransientStoreException} (timeouts, broken connections, 5xx,
 * 429) and {@link org.mms.calendar.PermanentStoreException} (other 4xx, redirects), decided in
 * {@link ClassifyHttpFailure}.
 * Thread-safe; one instance per server, closed when the service stops.
 */
public final class CalDavCalendarStore implements CalendarStore, AutoCloseable {

    private final CalDavSettings settings;
    private final MailboxLocator locator;
    private final DavHttp http;
    private final SchedulingDetection scheduling;

    public CalDavCalendarStore(CalDavSettings settings, MailboxLocator locator) {
        this(settings, locator, DavHttp.newClient(settings));
    }

    /** With a client of the caller's (tests count requests with one). */
    CalDavCalendarStore(CalDavSettings settings, MailboxLocator locator, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.http = new DavHttp(settings, client);
        this.scheduling = new SchedulingDetection(http);
    }

    @Override
    public Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref) {
        URI url = resourceUrl(mailbox, ref);
        DavResponse response = http.send(DavRequest.get(url));
        if (response.status() == 404 || response.status() == 410) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw response.failure();
        }
        if (response.etag().isPresent()) {
            return Optional.of(new StoredResource(ref, response.etag().get(), response.body()));
        }
        // No ETag with the body: ask for both in one multiget, so that the ETag is the body's and not
        // that of a version written in between.
        return multiget(calendarUrl(mailbox), List.of(url)).get(DavUris.pathKey(url));
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
        URI collection = calendarUrl(mailbox);
        // Hrefs only (a few dozen bytes each), in the order the servers gave them, each once however
        // many queries matched it.
        Map<String, URI> candidates = new LinkedHashMap<>();
        for (CalendarQuery query : CalendarQuery.candidatesFor(from, to)) {
            for (Multistatus.Response match : report(collection, query.body()).responses()) {
                URI url = DavUris.resolve(collection, match.href());
                if (match.exists() && DavUris.memberName(collection, url).isPresent()) {
                    candidates.putIfAbsent(DavUris.pathKey(url), url);
                }
            }
        }
        List<URI> all = List.copyOf(candidates.values());
        for (int i = 0; i < all.size(); i += batchSize) {
            List<URI> batch = all.subList(i, Math.min(all.size(), i + batchSize));
            Map<String, Optional<StoredResource>> read = multiget(collection, batch);
            for (URI url : batch) {
                // Empty: deleted since the query, so no longer a candidate.
                read.get(DavUris.pathKey(url)).ifPresent(action);
            }
        }
    }

    @Override
    public WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch) {
        Objects.requireNonNull(ifMatch, "ifMatch");
        byte[] bytes = data.clone(); // what is checked is what is sent
        CalendarObject.uidOf(bytes);
        URI url = resourceUrl(mailbox, ref);
        if (ifMatch.isPresent() && !EntityTags.isStrong(ifMatch.get())) {
            // It cannot match any ETag, so the answer is the one a 412 would get.
            return refused(url);
        }
        DavResponse response = http.send(DavRequest.put(url, asSent(bytes), ifMatch, false));
        if (response.isSuccess()) {
            return new WriteResult.Written(etagAfterWrite(response, url));
        }
        // A 412 that names a condition (no-uid-conflict) is about the data, not about If-Match.
        if (ifMatch.isPresent() && response.outcome() == 412 && response.conditions().isEmpty()) {
            return refused(url);
        }
        if (ifMatch.isPresent() && (response.outcome() == 404 || response.outcome() == 410)) {
            return new WriteResult.NotFound();
        }
        CalendarStoreException failure = response.failure();
        if (failure instanceof PermanentStoreException && refusesThisResource(response.outcome())) {
            // About this one resource (forbidden here, data rejected, a UID conflict): the meeting fails
            // with the server's answer, and the rest of the organizer's meetings go on.
            return new WriteResult.Refused(failure.getMessage());
        }
        throw failure;
    }

    /** A 4xx that is about the resource or its data, not about the credentials or the calendar as a whole. */
    private static boolean refusesThisResource(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 404 && status != 407;
    }

    @Override
    public WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data) {
        byte[] bytes = data.clone();
        CalendarObject.uidOf(bytes);
        URI url = resourceUrl(mailbox, ref);
        DavResponse response = http.send(DavRequest.put(url, asSent(bytes), Optional.empty(), true));
        if (response.isSuccess()) {
            return new WriteResult.Written(etagAfterWrite(response, url));
        }
        if (response.outcome() == 412 && response.conditions().isEmpty()) {
            return new WriteResult.PreconditionFailed(etagOf(url));
        }
        throw response.failure();
    }

    @Override
    public long count(Mailbox mailbox) {
        URI collection = calendarUrl(mailbox);
        DavResponse response = http.send(DavRequest.propfind(collection, 1,
                DavXml.propfind(Multistatus.RESOURCETYPE, Multistatus.GETETAG)));
        Multistatus listing = response.multistatus();
        long members = 0;
        boolean collectionListed = false;
        for (Multistatus.Response member : listing.responses()) {
            URI url = DavUris.resolve(collection, member.href());
            collectionListed |= member.exists() && DavUris.pathKey(url).equals(DavUris.pathKey(collection));
            boolean isCollection = member.property(Multistatus.RESOURCETYPE)
                    .map(type -> type.children().contains(Multistatus.COLLECTION))
                    .orElse(false);
            if (member.exists() && !isCollection && DavUris.memberName(collection, url).isPresent()) {
                members++;
            }
        }
        if (!collectionListed) {
            // Xandikos answers a PROPFIND on a missing collection with a 207 holding one 404 response
            // (under a garbled href) instead of a plain 404.
            int status = listing.responses().stream()
                    .filter(r -> !r.exists())
                    .mapToInt(r -> r.status().orElse(404))
                    .findFirst().orElse(404);
            throw ClassifyHttpFailure.ofStatus("PROPFIND", collection, status, Optional.empty());
        }
        return members;
    }

    /**
     * As the settings say, or, with {@link CalDavSettings.Scheduling#AUTO}, as the server that holds
     * the mailbox's calendar advertises (asked once per server).
     */
    @Override
    public boolean schedulesForAttendees(Mailbox mailbox) {
        return switch (settings.scheduling()) {
            case SERVER_SCHEDULES -> true;
            case MMS_SENDS -> false;
            case AUTO -> scheduling.serverSchedules(calendarUrl(mailbox));
        };
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "CalDavCalendarStore[" + settings + "]";
    }

    // ---- pieces ----

    /**
     * What goes to the server for {@code bytes}: folds on character boundaries, and, when MMS sends the
     * updates itself, every attendee marked for client scheduling, so that a server that schedules
     * sends them nothing of its own (a server that does not ignores the mark).
     */
    private byte[] asSent(byte[] bytes) {
        byte[] marked = settings.scheduling() == CalDavSettings.Scheduling.MMS_SENDS ? MarkAttendeesClientScheduled.of(bytes) : bytes;
        return WholeCharacterFolds.of(marked);
    }

    private URI calendarUrl(Mailbox mailbox) {
        URI url = Objects.requireNonNull(locator.calendarOf(mailbox), "the locator gave no calendar URL");
        if (!url.isAbsolute()) {
            throw new IllegalStateException("the calendar URL of " + mailbox + " is not absolute: " + DavUris.shown(url));
        }
        return DavUris.asCollection(url);
    }

    private URI resourceUrl(Mailbox mailbox, ResourceRef ref) {
        return DavUris.resource(calendarUrl(mailbox), ref);
    }

    /** The answer to a conditional write that did not happen: who has the resource now, if anyone. */
    private WriteResult refused(URI url) {
        Optional<String> current = etagOf(url);
        return current.isPresent() ? new WriteResult.PreconditionFailed(current) : new WriteResult.NotFound();
    }

    /**
     * The ETag of what a successful PUT stored. RFC 4791 §5.3.4 lets a server that changed the data
     * (DAViCal, Cyrus) answer without one; then it is asked for, since the next conditional write
     * needs it. Another write between the two requests would go unnoticed; there is no closer way.
     */
    private String etagAfterWrite(DavResponse response, URI url) {
        return response.etag().or(() -> etagOf(url)).orElseThrow(() -> ClassifyHttpFailure.noEtag("PUT", url));
    }

    /** The resource's current ETag (PROPFIND, no body), or empty when there is no such resource. */
    private Optional<String> etagOf(URI url) {
        DavResponse response = http.send(DavRequest.propfind(url, 0, DavXml.propfind(Multistatus.GETETAG)));
        if (response.status() == 404 || response.status() == 410) {
            return Optional.empty();
        }
        for (Multistatus.Response r : response.multistatus().responses()) {
            if (r.exists() && DavUris.pathKey(DavUris.resolve(url, r.href())).equals(DavUris.pathKey(url))) {
                return r.text(Multistatus.GETETAG);
            }
        }
        return Optional.empty();
    }

    private Multistatus report(URI collection, String body) {
        return http.send(DavRequest.report(collection, 1, body)).multistatus();
    }

    /**
     * The resources at these URLs, by {@link DavUris#pathKey}: present with ETag and data, or empty
     * when the server has none there. A server that answers for a resource without its data (or not at
     * all) is asked again with a GET for that one.
     */
    private Map<String, Optional<StoredResource>> multiget(URI collection, List<URI> urls) {
        List<String> hrefs = new ArrayList<>(urls.size());
        for (URI url : urls) {
            hrefs.add(url.getRawPath());
        }
        Map<String, Multistatus.Response> answers = new HashMap<>();
        for (Multistatus.Response r : report(collection, CalendarMultiget.body(hrefs)).responses()) {
            answers.put(DavUris.pathKey(DavUris.resolve(collection, r.href())), r);
        }
        Map<String, Optional<StoredResource>> read = new HashMap<>();
        for (URI url : urls) {
            String key = DavUris.pathKey(url);
            ResourceRef ref = DavUris.memberName(collection, url).orElseThrow();
            Multistatus.Response answer = answers.get(key);
            if (answer != null && !answer.exists()) {
                read.put(key, Optional.empty());
            } else if (answer != null && answer.text(Multistatus.GETETAG).isPresent()
                    && answer.property(Multistatus.CALENDAR_DATA).isPresent()) {
                read.put(key, Optional.of(new StoredResource(ref, answer.text(Multistatus.GETETAG).get(),
                        calendarData(answer.property(Multistatus.CALENDAR_DATA).get().text()))));
            } else {
                read.put(key, getWithEtag(url, ref));
            }
        }
        return read;
    }

    /** A GET that must carry an ETag (the fallback of a multiget, which cannot fall back again). */
    private Optional<StoredResource> getWithEtag(URI url, ResourceRef ref) {
        DavResponse response = http.send(DavRequest.get(url));
        if (response.status() == 404 || response.status() == 410) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw response.failure();
        }
        String etag = response.etag().orElseThrow(() -> ClassifyHttpFailure.noEtag("GET", url));
        return Optional.of(new StoredResource(ref, etag, response.body()));
    }

    /**
     * Calendar data from XML, with its CRLF line endings back: an XML parser hands every line break
     * over as LF (XML 1.0 §2.11), while iCalendar's are CRLF, which is what the servers store and GET
     * returns. Whitespace around the object (some servers indent it) is not part of it.
     */
    static byte[] calendarData(String xmlText) {
        String text = xmlText.strip();
        StringBuilder out = new StringBuilder(text.length() + text.length() / 30 + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
                out.append('\r');
            }
            out.append(c);
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
