package org.mms.admin;

import java.util.List;
import org.mms.block.BlockDiff;
import org.mms.directory.User;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.MigrationType;
import org.mms.migration.Outcome;
import org.mms.migration.PreviewMigration;

/** A migration's preview as {@code -WhatIf} shows it: outcomes named as {@code Get-CsMeetingMigrationDetail} names them. */
final class PreviewViews {

    private PreviewViews() {
    }

    static Views.UserPreview of(User user, MigrationType type, boolean awaitsApproval, PreviewMigration.Preview p) {
        MigrateOrganizer.Result r = p.counts();
        return new Views.UserPreview(user.id().value(), user.upn(), type.displayName(), awaitsApproval, r.total(), p.updated(),
                r.succeeded(), r.failed(), r.invites(), p.attendees(), p.meetings().stream().map(PreviewViews::meeting).toList());
    }

    private static Views.MeetingPreview meeting(PreviewMigration.MeetingPreview m) {
        String uid = m.uid().isEmpty() ? m.href() : m.uid();
        String recurrence = m.recurrenceId().orElse(null);
        return switch (m.outcome()) {
            case Outcome.Migrated g -> new Views.MeetingPreview(uid, recurrence, m.summary(), m.start().orElse(null), "MIGRATED", null,
                    g.evidence().describe(), m.attendees(), BlockDiff.lines(g.oldBlock(), g.newBlock()));
            case Outcome.Unchanged u -> new Views.MeetingPreview(uid, recurrence, m.summary(), m.start().orElse(null), "UNCHANGED", null,
                    u.detail() + "; " + u.evidence().describe(), 0, List.of());
            case Outcome.Skipped s -> new Views.MeetingPreview(uid, recurrence, m.summary(), m.start().orElse(null), "SKIPPED",
                    s.reason().name(), s.detail(), 0, List.of());
            case Outcome.Failed f -> new Views.MeetingPreview(uid, recurrence, m.summary(), m.start().orElse(null), "FAILED",
                    f.reason().name(), f.detail(), 0, List.of());
        };
    }
}
