package org.mms.dashboard;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mms.access.Role;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.migration.MigrationType;
import org.mms.migration.MigrationType.SourceMeetingType;
import org.mms.migration.MigrationType.TargetMeetingType;

/** "Migrate again": {@code Start-CsExMeetingMigration} for the migration's organizer, with the same migration type. */
final class MigrateAgain implements Action {

    private final Admin admin;
    private final MigrationPage migrations;

    MigrateAgain(Admin admin, MigrationPage migrations) {
        this.admin = admin;
        this.migrations = migrations;
    }

    @Override
    public String path() {
        return "/migrations/{correlationId}/migrate-again";
    }

    @Override
    public Role needs() {
        return Role.OPERATOR;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        Views.MigrationStatus status = migrations.find(visitor, ctx.pathParam("correlationId")).orElse(null);
        if (status == null) {
            return new Shown(404, ErrorPage.page(visitor, "There is no such migration."));
        }
        Optional<Requests.StartMigration> start = MigrationType.byDisplayName(status.MigrationType()).flatMap(MigrateAgain::startOf);
        if (start.isEmpty()) {
            return new Shown(409, ErrorPage.page(visitor, "An undo is not migrated again; Undo-CsMeetingMigration starts another."));
        }
        admin.startMigration(visitor.tenant(), status.UserId(), start.get());
        return new Redirect("/migrations?user=" + URLEncoder.encode(status.UserId(), StandardCharsets.UTF_8));
    }

    /** The cmdlet's parameters that give this migration type; none for an undo, which Start-CsExMeetingMigration does not start. */
    static Optional<Requests.StartMigration> startOf(MigrationType type) {
        return switch (type) {
            case SFB_TO_SFB -> Optional.of(new Requests.StartMigration(SourceMeetingType.SFB, TargetMeetingType.CURRENT));
            case SFB_TO_TEAMS -> Optional.of(new Requests.StartMigration(SourceMeetingType.SFB, TargetMeetingType.TEAMS));
            case TEAMS_TO_TEAMS -> Optional.of(new Requests.StartMigration(SourceMeetingType.TEAMS, TargetMeetingType.CURRENT));
            case TO_SAME_TYPE -> Optional.of(new Requests.StartMigration(SourceMeetingType.ALL, TargetMeetingType.CURRENT));
            case ALL_TO_TEAMS -> Optional.of(new Requests.StartMigration(SourceMeetingType.ALL, TargetMeetingType.TEAMS));
            case UNDO -> Optional.empty();
        };
    }

    /** Whether this migration can be run again from the dashboard. */
    static boolean applies(Views.MigrationStatus status) {
        return MigrationType.byDisplayName(status.MigrationType()).flatMap(MigrateAgain::startOf).isPresent();
    }
}
