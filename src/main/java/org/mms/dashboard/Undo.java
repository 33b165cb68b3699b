package org.mms.dashboard;

import io.javalin.http.Context;
import java.util.Optional;
import org.mms.access.Role;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;

/** "Undo": {@code Undo-CsMeetingMigration -CorrelationId}; queues an undo of what this migration wrote and shows it. */
final class Undo implements Action {

    private final Admin admin;

    Undo(Admin admin) {
        this.admin = admin;
    }

    @Override
    public String path() {
        return "/migrations/{correlationId}/undo";
    }

    @Override
    public Role needs() {
        return Role.OPERATOR;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        Views.MigrationStatus undo = admin.undoMigration(visitor.tenant(),
                new Requests.Undo(Optional.of(ctx.pathParam("correlationId")), Optional.empty(), Optional.empty()));
        return new Redirect("/migrations/" + undo.CorrelationId());
    }
}
