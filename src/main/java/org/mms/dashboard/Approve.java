package org.mms.dashboard;

import io.javalin.http.Context;
import java.util.Optional;
import org.mms.access.Role;
import org.mms.admin.Admin;
import org.mms.admin.Requests;

/** "Approve": {@code Approve-CsMeetingMigration -CorrelationId} for a migration awaiting approval; it becomes pending. */
final class Approve implements Action {

    private final Admin admin;

    Approve(Admin admin) {
        this.admin = admin;
    }

    @Override
    public String path() {
        return "/migrations/{correlationId}/approve";
    }

    @Override
    public Role needs() {
        return Role.OPERATOR;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        String correlationId = ctx.pathParam("correlationId");
        admin.approveMigrations(visitor.tenant(), new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlationId), false));
        return new Redirect("/migrations/" + correlationId);
    }
}
