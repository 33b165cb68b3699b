package org.mms.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.zone.ZoneRules;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.fortuna.ical4j.model.Recur;

/**
 * Walks one RRULE with ical4j's {@link Recur}, the only part of ical4j we use, from shortly before now
 * to its first start after now that is not excluded.
 *
 * <p>The arithmetic runs on the wall clock ({@code LocalDateTime}) and each start is converted with
 * the series' zone rules afterwards. That keeps a weekly 10:00 meeting at 10:00 across DST changes,
 * works for zones that exist only as an inline VTIMEZONE (no {@code ZoneId}), and never lets ical4j
 * fall back on the JVM's default zone.
 */
final class RuleExpansion {

    /** A rule whose next start is further away than this is treated as having none. */
    static final int HORIZON_YEARS = 100;

    /**
     * Expansion starts this far before now, on the wall clock: a start in a DST gap reads as a later
     * instant than its local time suggests, and a DST change never moves the clock by two days.
     */
    private static final int MARGIN_DAYS = 2;

    private RuleExpansion() {
    }

    /**
     * @param maxExamined how many instances ical4j may hand over (starts before now and excluded ones
     *                    included) before we give up; each may cost ical4j up to its own limit of
     *                    1000 empty periods
     * @throws RecurrenceLimitException if the limit is reached
     * @throws IcalFormatException      if ical4j cannot read or expand the rule
     */
    static Optional<Instant> firstStartAfter(RecurrenceRule rule, LocalDateTime seed, ZoneRules zone, Instant now,
                                             Predicate<Instant> excluded, int maxExamined) {
        LocalDateTime localNow = LocalTimes.toLocal(now, zone);
        LocalDateTime windowStart = localNow.minusDays(MARGIN_DAYS);
        LocalDateTime lastLocal = rule.until()
                .map(until -> LocalTimes.toLocal(until, zone).plusDays(MARGIN_DAYS))
                .orElse(LocalDateTime.MAX);
        Spliterator<LocalDateTime> starts;
        try {
            Recur<LocalDateTime> recur = new Recur<>(rule.forExpansion(), true);
            starts = recur.getDatesAsStream(rule.fastForward(seed, windowStart), windowStart,
                    localNow.plusYears(HORIZON_YEARS), -1).spliterator();
        } catch (RuntimeException e) {
            throw RecurrenceRule.unreadable(rule.text(), e);
        }
        Next next = new Next();
        for (int examined = 0; examined < maxExamined; examined++) {
            next.start = null;
            if (!advance(starts, next, rule)) {
                return Optional.empty();
            }
            LocalDateTime local = next.start;
            if (local == null) {
                continue; // ical4j counted an instance before the window (COUNT rules), nothing to see
            }
            if (local.isAfter(lastLocal)) {
                return Optional.empty();
            }
            Instant start = LocalTimes.toInstant(local, zone);
            boolean beforeUntil = rule.until().map(until -> !start.isAfter(until)).orElse(true);
            if (start.isAfter(now) && beforeUntil && !excluded.test(start)) {
                return Optional.of(start);
            }
        }
        throw new RecurrenceLimitException("RRULE \"" + rule.text() + "\" from DTSTART " + seed
                + " needs more than " + maxExamined + " instances to find a start after " + now
                + " (counted instances before it and excluded ones); not expanded further");
    }

    private static boolean advance(Spliterator<LocalDateTime> starts, Next next, RecurrenceRule rule) {
        try {
            return starts.tryAdvance(next);
        } catch (RuntimeException e) {
            throw new IcalFormatException("cannot expand RRULE \"" + rule.text() + "\": " + e.getMessage(), e);
        }
    }

    /** Receives the one start ical4j hands over per step, if it hands one over. */
    private static final class Next implements Consumer<LocalDateTime> {
        LocalDateTime start;

        @Override
        public void accept(LocalDateTime start) {
            this.start = start;
        }
    }
}
