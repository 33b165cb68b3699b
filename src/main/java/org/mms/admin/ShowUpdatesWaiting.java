package org.mms.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mms.directory.TenantId;
import org.mms.itip.MessageOutbox;

/**
 * How many of a tenant's update messages wait in the outbox, and until when its pacing (quiet hours, an hourly
 * limit) holds them back, for the status: the tenant's as a whole and each migration's.
 */
final class ShowUpdatesWaiting {

    private final MessageOutbox outbox;
    private final Clock clock;

    ShowUpdatesWaiting(MessageOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Views.UpdatesWaiting of(TenantId tenant) {
        Instant now = clock.instant();
        MessageOutbox.Pacing pacing = outbox.pacing(tenant, now);
        return new Views.UpdatesWaiting(pacing.waiting(), until(pacing.waiting(), pacing, now));
    }

    /** The migrations, each with its own messages waiting. */
    List<Views.MigrationStatus> of(TenantId tenant, List<Views.MigrationStatus> migrations) {
        if (migrations.isEmpty()) {
            return migrations;
        }
        Instant now = clock.instant();
        MessageOutbox.Pacing pacing = outbox.pacing(tenant, now);
        return migrations.stream().map(m -> {
            long waiting = pacing.waitingByMigration().getOrDefault(m.CorrelationId(), 0L);
            return m.withUpdatesWaiting(waiting, until(waiting, pacing, now));
        }).toList();
    }

    /** When messages wait and the pacing holds them back, until when; otherwise none. */
    private static Instant until(long waiting, MessageOutbox.Pacing pacing, Instant now) {
        return waiting > 0 && pacing.nextSendTime().isAfter(now) ? pacing.nextSendTime() : null;
    }
}
