package org.mms.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Wall-clock time to instant and back, with the RFC 5545 rules for the hours a DST change skips or
 * repeats. Works on {@link ZoneRules} rather than {@code ZoneId} because zones built from an inline
 * VTIMEZONE have rules but no id.
 */
final class LocalTimes {

    private LocalTimes() {
    }

    /**
     * A local time that falls into a gap is read with the offset before the gap (RFC 5545 §3.3.5), so
     * 02:30 on a spring-forward night becomes 03:30 summer time; a repeated local time means its first
     * occurrence. Both match {@code ZonedDateTime.ofLocal} without a preferred offset.
     */
    static Instant toInstant(LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        ZoneOffset offset = valid.isEmpty() ? rules.getTransition(local).getOffsetBefore() : valid.getFirst();
        return local.toInstant(offset);
    }

    static LocalDateTime toLocal(Instant instant, ZoneRules rules) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), rules.getOffset(instant));
    }
}
