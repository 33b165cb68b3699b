package org.mms.dashboard;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.mms.access.Role;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.directory.TenantId;

/**
 * "Approve" and "Deny" of a migration awaiting approval: {@code Approve-CsMeetingMigration -CorrelationId} lets it
 * run (pending), {@code Deny-CsMeetingMigration -CorrelationId} ends it denied with nothing migrated.
 */
final class DecideApproval implements Action {

    private final String verb;
    private final BiFunction<TenantId, Requests.AwaitingMigrations, List<Views.MigrationStatus>> decide;

    private DecideApproval(String verb, BiFunction<TenantId, Requests.AwaitingMigrations, List<Views.MigrationStatus>> decide) {
        this.verb = verb;
        this.decide = decide;
    }

    static DecideApproval approve(Admin admin) {
        return new DecideApproval("approve", admin::approveMigrations);
    }

    static DecideApproval deny(Admin admin) {
        return new DecideApproval("deny", admin::denyMigrations);
    }

    @Override
    public String path() {
        return "/migrations/{correlationId}/" + verb;
    }

    @Override
    public Role needs() {
        return Role.OPERATOR;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        String correlationId = ctx.pathParam("correlationId");
        decide.apply(visitor.tenant(), new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlationId), false));
        return new Redirect("/migrations/" + correlationId);
    }
}
