package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.mms.admin.Admin;

/** Every trigger decision (migrate or not, and why), newest first as the facade returns them. */
final class TriggerDecisionRoutes {

    private final Admin admin;

    TriggerDecisionRoutes(Admin admin) {
        this.admin = admin;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiServer.V1 + "/trigger-decisions", this::decisions, Access.READER);
    }

    /** {@code Get-CsMeetingMigrationTriggerDecision [-Identity] [-StartTime]}. */
    private void decisions(Context ctx) {
        Query query = Query.of(ctx, "identity", "startTime");
        ctx.json(admin.triggerDecisions(BearerAuthentication.tenant(ctx), query.text("identity"), query.instant("startTime")));
    }
}
