package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.mms.admin.Admin;
import org.mms.admin.Requests;

/**
 * Getting data in: the directory document, a user's calendar export, and an online meeting as the
 * scheduling add-in creates it. The documents pass through as they are; reading them is the facade's job.
 */
final class ImportRoutes {

    private final Admin admin;
    private final JsonBody body;

    ImportRoutes(Admin admin, JsonBody body) {
        this.admin = admin;
        this.body = body;
    }

    void addTo(RoutesConfig routes) {
        routes.post(ApiServer.V1 + "/directory/import", this::importDirectory);
        routes.put(ApiServer.V1 + "/users/{identity}/calendar", this::importCalendar);
        routes.get(ApiServer.V1 + "/users/{identity}/calendar", this::exportCalendar);
        routes.post(ApiServer.V1 + "/users/{identity}/online-meetings", this::addOnlineMeeting);
    }

    /** {@code Import-CsDirectory -Path}: the body is the directory JSON document. */
    private void importDirectory(Context ctx) {
        Query.of(ctx);
        String document = ctx.body();
        if (document.isBlank()) {
            throw new InvalidRequest("the body must be the directory document (JSON)");
        }
        ctx.json(admin.importDirectory(BearerAuthentication.tenant(ctx), document));
    }

    /** {@code Import-CsCalendar -Identity -Path}: the body is the calendar export (text/calendar), byte for byte. */
    private void importCalendar(Context ctx) {
        Query.of(ctx);
        byte[] ics = ctx.bodyAsBytes();
        if (ics.length == 0) {
            throw new InvalidRequest("the body must be the calendar (.ics)");
        }
        ctx.json(admin.importCalendar(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), ics));
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
                JsonBody.required(p.Start(), "Start"), JsonBody.required(p.End(), "End"), p.RecurrenceRule(),
                attendees(p.Attendees()), p.Body(), p.TimeZone());
        ctx.status(HttpStatus.CREATED).json(admin.addOnlineMeeting(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), meeting));
    }

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
