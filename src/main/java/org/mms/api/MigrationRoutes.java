package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.migration.MigrationType.SourceMeetingType;
import org.mms.migration.MigrationType.TargetMeetingType;

/** Migrations: start one by hand, their status and its summary, and each one's meetings. */
final class MigrationRoutes {

    private static final String[] FILTERS = {"identity", "state", "startTime", "endTime"};

    private final Admin admin;
    private final JsonBody body;

    MigrationRoutes(Admin admin, JsonBody body) {
        this.admin = admin;
        this.body = body;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiServer.V1 + "/migrations", this::status, Access.READER);
        routes.post(ApiServer.V1 + "/migrations", this::start, Access.OPERATOR);
        routes.get(ApiServer.V1 + "/migrations/summary", this::summary, Access.READER);
        routes.get(ApiServer.V1 + "/migrations/updates-waiting", this::updatesWaiting, Access.READER);
        routes.get(ApiServer.V1 + "/migrations/{correlationId}/meetings", this::meetings, Access.READER);
        routes.get(ApiServer.V1 + "/migrations/history", this::history, Access.READER);
        routes.post(ApiServer.V1 + "/migrations/undo", this::undo, Access.OPERATOR);
        routes.get(ApiServer.V1 + "/migrations/report", this::report, Access.READER);
        routes.post(ApiServer.V1 + "/migrations/approve", this::approve, Access.OPERATOR);
        routes.post(ApiServer.V1 + "/migrations/deny", this::deny, Access.OPERATOR);
    }

    /** {@code Get-CsMeetingMigrationStatus [-Identity] [-State] [-StartTime] [-EndTime]}. */
    private void status(Context ctx) {
        ctx.json(admin.migrationStatus(BearerAuthentication.tenant(ctx), statusQuery(ctx)));
    }

    /** {@code Get-CsMeetingMigrationStatus -SummaryOnly}. */
    private void summary(Context ctx) {
        ctx.json(admin.migrationSummary(BearerAuthentication.tenant(ctx), statusQuery(ctx)));
    }

    /** The update messages waiting in the outbox, and until when ({@code Get-CsMeetingMigrationStatus -SummaryOnly}). */
    private void updatesWaiting(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.updatesWaiting(BearerAuthentication.tenant(ctx)));
    }

    /** {@code Get-CsMeetingMigrationDetail -CorrelationId}. */
    private void meetings(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.migrationMeetings(BearerAuthentication.tenant(ctx), ctx.pathParam("correlationId")));
    }

    /** {@code Get-CsMeetingMigrationTransactionHistory -Identity | -CorrelationId [-StartTime] [-EndTime]}. */
    private void history(Context ctx) {
        Query query = Query.of(ctx, "identity", "correlationId", "startTime", "endTime");
        ctx.json(admin.migrationHistory(BearerAuthentication.tenant(ctx), new Requests.HistoryQuery(query.text("identity"),
                query.text("correlationId"), query.instant("startTime"), query.instant("endTime"))));
    }

    /** {@code Export-CsMeetingMigrationReport [-Identity] [-CorrelationId] [-StartTime] [-EndTime] [-Outcome]}: the rows; the cmdlet writes the file. */
    private void report(Context ctx) {
        Query query = Query.of(ctx, "identity", "correlationId", "startTime", "endTime", "outcome");
        ctx.json(admin.migrationReport(BearerAuthentication.tenant(ctx), new Requests.ReportQuery(query.text("identity"),
                query.text("correlationId"), query.instant("startTime"), query.instant("endTime"), query.text("outcome"))));
    }

    /**
     * {@code Undo-CsMeetingMigration -CorrelationId | -Identity -StartTime}: queued as a migration of type Undo; with
     * {@code ?whatIf=true}, what it would do to each meeting, and nothing queued.
     */
    private void undo(Context ctx) {
        boolean whatIf = WhatIf.asked(ctx);
        Bodies.UndoMigration p = body.read(ctx, Bodies.UndoMigration.class);
        Requests.Undo undo = new Requests.Undo(p.CorrelationId(), p.Identity(), p.StartTime());
        if (whatIf) {
            ctx.json(admin.previewUndo(BearerAuthentication.tenant(ctx), undo));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED).json(admin.undoMigration(BearerAuthentication.tenant(ctx), undo));
    }

    /** {@code Start-CsExMeetingMigration -Identity [-SourceMeetingType All|SfB|Teams] [-TargetMeetingType Current|Teams]}. */
    private void start(Context ctx) {
        boolean whatIf = WhatIf.asked(ctx);
        Bodies.StartMigration p = body.read(ctx, Bodies.StartMigration.class);
        String identity = JsonBody.required(p.Identity(), "Identity");
        Requests.StartMigration start = new Requests.StartMigration(
                choice(SourceMeetingType.class, "SourceMeetingType", p.SourceMeetingType(), SourceMeetingType.ALL, "All, SfB or Teams"),
                choice(TargetMeetingType.class, "TargetMeetingType", p.TargetMeetingType(), TargetMeetingType.CURRENT, "Current or Teams"));
        if (whatIf) {
            ctx.json(admin.whatIf().startMigration(BearerAuthentication.tenant(ctx), identity, start));
            return;
        }
        // Accepted, not done: the migration is queued and runs after the settle window.
        ctx.status(HttpStatus.ACCEPTED).json(admin.startMigration(BearerAuthentication.tenant(ctx), identity, start));
    }

    /** {@code Approve-CsMeetingMigration -Identity | -CorrelationId | -All}: the migrations it approved, now pending. */
    private void approve(Context ctx) {
        ctx.json(admin.approveMigrations(BearerAuthentication.tenant(ctx), awaiting(ctx)));
    }

    /** {@code Deny-CsMeetingMigration -Identity | -CorrelationId | -All}: the migrations it denied. */
    private void deny(Context ctx) {
        ctx.json(admin.denyMigrations(BearerAuthentication.tenant(ctx), awaiting(ctx)));
    }

    private Requests.AwaitingMigrations awaiting(Context ctx) {
        Query.of(ctx);
        Bodies.AwaitingMigrations p = body.read(ctx, Bodies.AwaitingMigrations.class);
        return new Requests.AwaitingMigrations(p.Identity(), p.CorrelationId(), p.All().orElse(false));
    }

    private static Requests.StatusQuery statusQuery(Context ctx) {
        Query query = Query.of(ctx, FILTERS);
        return new Requests.StatusQuery(query.text("identity"), query.text("state"), query.instant("startTime"), query.instant("endTime"));
    }

    /** The cmdlet's spelling (any case) of an enum value; absent means the cmdlet's default. */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, Optional<String> value, E otherwise, String allowed) {
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field + " must be " + allowed + ", not '" + value.get() + "'");
        }
    }
}
