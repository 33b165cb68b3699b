package org.mms.dashboard;

import io.javalin.http.Context;
import java.util.Optional;
import org.mms.access.Role;
import org.mms.admin.Admin;
import org.mms.admin.Requests;

/** "Deny": {@code Deny-CsMeetingMigration -CorrelationId} for a migration awaiting approval; it ends denied, nothing migrated. */
final class Deny implements Action {

    private final Admin admin;

    Deny(Admin admin) {
        this.admin = admin;
    }

    @Override
    public String path() {
        return "/migrations/{correlationId}/deny";
    }

    @Override
    public Role needs() {
        return Role.OPERATOR;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        String correlationId = ctx.pathParam("correlationId");
        admin.denyMigrations(visitor.tenant(), new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlationId), false));
        return new Redirect("/migrations/" + correlationId);
    }
}
