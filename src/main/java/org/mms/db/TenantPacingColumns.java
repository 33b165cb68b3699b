package org.mms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.QuietHours;

/**
 * A tenant's {@link OutgoingPacing} in the columns of {@code tenant}: null for no limit, no quiet hours (V023); 0 minutes
 * for no notice to organizers (V025).
 */
final class TenantPacingColumns {

    private TenantPacingColumns() {
    }

    /** Binds {@code maxPerHour}, {@code quietStart}, {@code quietEnd}, {@code quietZone} and {@code noticeMinutes}. */
    static void put(OutgoingPacing pacing, Map<String, Object> columns) {
        columns.put("maxPerHour", pacing.maxUpdatesPerHour().isPresent() ? pacing.maxUpdatesPerHour().getAsInt() : null);
        Optional<QuietHours> quiet = pacing.quietHours();
        columns.put("quietStart", quiet.map(q -> q.start().toString()).orElse(null));
        columns.put("quietEnd", quiet.map(q -> q.end().toString()).orElse(null));
        columns.put("quietZone", quiet.map(q -> q.zone().getId()).orElse(null));
        columns.put("noticeMinutes", (int) pacing.organizerNotice().toMinutes());
    }

    /** The pacing of the tenant row {@code rs} is on. */
    static OutgoingPacing read(ResultSet rs) throws SQLException {
        int max = rs.getInt("max_updates_per_hour");
        OptionalInt maxPerHour = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(max);
        String start = rs.getString("quiet_hours_start");
        String end = rs.getString("quiet_hours_end");
        String zone = rs.getString("quiet_hours_time_zone");
        Optional<QuietHours> quiet = start == null || end == null || zone == null ? Optional.empty()
                : Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(zone)));
        return new OutgoingPacing(maxPerHour, quiet, Duration.ofMinutes(rs.getInt("notify_organizer_before_minutes")));
    }
}
