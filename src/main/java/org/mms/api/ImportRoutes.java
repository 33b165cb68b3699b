package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.mms.admin.Admin;
import org.mms.admin.Requests;

/**
 * Getting data in: the directory document, a user's calendar export, and an online meeting as the
 * scheduling add-in creates it. The documents pass through as they are; reading them is the facade's job.
 */
final class ImportRoutes {

    private final Admin admin;
    private final JsonBody body;
    private final BodyLimits limits;
    /**
     * Documents are read one at a time: each is held in memory whole while it is read and stored, so
     * imports running side by side would multiply what a few callers can make the process hold.
     */
    private final Semaphore oneDocumentAtATime = new Semaphore(1, true);

    ImportRoutes(Admin admin, JsonBody body, BodyLimits limits) {
        this.admin = admin;
        this.body = body;
        this.limits = limits;
    }

    void addTo(RoutesConfig routes) {
        routes.post(ApiServer.V1 + "/directory/import", this::importDirectory);
        routes.put(ApiServer.V1 + "/users/{identity}/calendar", this::importCalendar);
        routes.get(ApiServer.V1 + "/users/{identity}/calendar", this::exportCalendar);
        routes.post(ApiServer.V1 + "/users/{identity}/online-meetings", this::addOnlineMeeting);
    }

    /** {@code Import-CsDirectory -Path}: the body is the directory JSON document, parsed as it streams in. */
    private void importDirectory(Context ctx) {
        Query.of(ctx);
        RequestBody.requireType(ctx, "application/json");
        if (ctx.req().getContentLengthLong() == 0) {
            throw new InvalidRequest("the body must be the directory document (JSON)");
        }
        ctx.json(oneAtATime(() -> {
            try (InputStream document = RequestBody.stream(ctx, limits.directoryImport())) {
                return admin.importDirectory(BearerAuthentication.tenant(ctx), document);
            }
        }));
    }

    /** {@code Import-CsCalendar -Identity -Path}: the body is the calendar export (text/calendar), byte for byte. */
    private void importCalendar(Context ctx) {
        Query.of(ctx);
        ctx.json(oneAtATime(() -> {
            byte[] ics = RequestBody.bytes(ctx, limits.calendarImport());
            if (ics.length == 0) {
                throw new InvalidRequest("the body must be the calendar (.ics)");
            }
            return admin.importCalendar(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), ics);
        }));
    }

    private interface Import {
        Object run() throws IOException;
    }

    private Object oneAtATime(Import work) {
        try {
            oneDocumentAtATime.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another import to finish", e);
        }
        try {
            return work.run();
        } catch (IOException e) {
            throw new InvalidRequest("the body could not be read: it broke off or is not valid HTTP");
        } finally {
            oneDocumentAtATime.release();
        }
    }

    /** {@code Export-CsCalendar -Identity}: the stored meetings as one VCALENDAR, each meeting byte for byte (see JoinCalendar). */
    private void exportCalendar(Context ctx) {
        Query.of(ctx);
        var export = admin.exportCalendar(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"));
        ctx.header("X-MMS-Meetings", Integer.toString(export.meetings()));
        ctx.contentType("text/calendar; charset=UTF-8").result(export.calendar());
    }

    /** {@code New-CsOnlineMeeting -Identity -Subject -Start -End [-Attendees] [-RecurrenceRule] [-TimeZone]}. */
    private void addOnlineMeeting(Context ctx) {
        Query.of(ctx);
        Bodies.NewOnlineMeeting p = body.read(ctx, Bodies.NewOnlineMeeting.class);
        Requests.NewOnlineMeeting meeting = new Requests.NewOnlineMeeting(JsonBody.required(p.Subject(), "Subject"),
                representable(JsonBody.required(p.Start(), "Start"), "Start"), representable(JsonBody.required(p.End(), "End"), "End"),
                p.RecurrenceRule(),
                attendees(p.Attendees()), p.Body(), p.TimeZone());
        ctx.status(HttpStatus.CREATED).json(admin.addOnlineMeeting(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), meeting));
    }

    /** What an invitation can carry: iCalendar writes four-digit years; Windows clients start at 1601. */
    private static Instant representable(Instant value, String field) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidRequest(field + " must be between the years 1601 and 9999");
        }
        return value;
    }

    private static final Instant EARLIEST = Instant.parse("1601-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static List<String> attendees(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new InvalidRequest("Attendees must be addresses, with no empty entries");
        }
        return List.copyOf(given);
    }
}
