package org.mms.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * One RRULE value, read just far enough to decide without ical4j whether it can still produce a
 * start after now. Everything else in it is left to ical4j's {@code Recur} when expansion is needed.
 *
 * <p>UNTIL is taken out of the text given to ical4j and applied here as an instant. ical4j would
 * compare it with the seed after converting through the JVM's default zone when the two differ in
 * kind (floating seed, UTC UNTIL), and its answer would depend on the machine.
 *
 * @param text         the RRULE value as written, for messages
 * @param forExpansion the same rule without UNTIL, for ical4j
 * @param frequency    FREQ
 * @param interval     INTERVAL, 1 when absent
 * @param count        COUNT, if any
 * @param until        UNTIL as the last instant a start may have, if any
 */
record RecurrenceRule(String text, String forExpansion, Frequency frequency, int interval, OptionalInt count,
                      Optional<Instant> until) {

    enum Frequency {
        SECONDLY(ChronoUnit.SECONDS), MINUTELY(ChronoUnit.MINUTES), HOURLY(ChronoUnit.HOURS),
        DAILY(ChronoUnit.DAYS), WEEKLY(ChronoUnit.WEEKS), MONTHLY(null), YEARLY(null);

        /**
         * The step between two periods when it has a fixed length on the wall clock. Months and years
         * do not (the 31st plus one month is clamped), so those rules cannot be fast-forwarded.
         */
        final ChronoUnit fixedStep;

        Frequency(ChronoUnit fixedStep) {
            this.fixedStep = fixedStep;
        }
    }

    /**
     * @param seriesZone    the rules the series' local times are read with (UTC for a UTC DTSTART,
     *                      the floating zone for all-day and floating series)
     * @param allDaySeries  whether DTSTART is a DATE; then a DATE UNTIL ends at the start of that day,
     *                      otherwise at its end
     */
    static RecurrenceRule parse(String text, ZoneRules seriesZone, boolean allDaySeries) {
        Frequency frequency = null;
        int interval = 1;
        OptionalInt count = OptionalInt.empty();
        Optional<Instant> until = Optional.empty();
        StringJoiner forExpansion = new StringJoiner(";");
        for (String part : text.strip().split(";")) {
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw unreadable(text, "\"" + part + "\" is not NAME=VALUE");
            }
            String name = part.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            String value = part.substring(equals + 1).strip();
            switch (name) {
                case "FREQ" -> frequency = frequency(text, value);
                case "INTERVAL" -> interval = positive(text, part, value, 1);
                case "COUNT" -> count = OptionalInt.of(positive(text, part, value, 0));
                case "UNTIL" -> until = Optional.of(untilInstant(text, value, seriesZone, allDaySeries));
                default -> { }
            }
            if (!name.equals("UNTIL")) {
                forExpansion.add(part.strip());
            }
        }
        if (frequency == null) {
            throw unreadable(text, "FREQ is missing");
        }
        return new RecurrenceRule(text, forExpansion.toString(), frequency, interval, count, until);
    }

    /** True when the rule cannot produce a start after {@code now}: UNTIL has passed, or COUNT is 0. */
    boolean endsBefore(Instant now) {
        return until.map(last -> !last.isAfter(now)).orElse(false) || (count.isPresent() && count.getAsInt() == 0);
    }

    static IcalFormatException unreadable(String text, String problem) {
        return new IcalFormatException("unreadable RRULE \"" + text + "\": " + problem);
    }

    static IcalFormatException unreadable(String text, RuntimeException cause) {
        return new IcalFormatException("unreadable RRULE \"" + text + "\": " + cause.getMessage(), cause);
    }

    private static Instant untilInstant(String rule, String value, ZoneRules seriesZone, boolean allDaySeries) {
        DateTimeText until = DateTimeText.parse(value, rule);
        return switch (until.form()) {
            case UTC -> until.local().toInstant(ZoneOffset.UTC);
            case LOCAL -> LocalTimes.toInstant(until.local(), seriesZone);
            // A DATE UNTIL on a timed series is not allowed by RFC 5545 but written anyway; it means
            // "through that day", so every start on that day is kept.
            case DATE -> allDaySeries
                    ? LocalTimes.toInstant(until.local(), seriesZone)
                    : LocalTimes.toInstant(until.local().plusDays(1), seriesZone).minusNanos(1);
        };
    }

    private static Frequency frequency(String rule, String value) {
        try {
            return Frequency.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unreadable(rule, "FREQ=" + value + " is not a frequency");
        }
    }

    private static int positive(String rule, String part, String value, int minimum) {
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw unreadable(rule, part + " needs a whole number of at least " + minimum);
    }

    /**
     * The seed moved forward by whole periods to shortly before {@code target}, so that expansion
     * starts near now instead of walking every period since DTSTART (ical4j's own skip-ahead doubles
     * an {@code int} multiplier, which overflows for a SECONDLY rule some decades old and then never
     * ends).
     *
     * <p>It is the same series: ical4j steps from the seed by INTERVAL times the step on the wall
     * clock, exact for these units, so the periods visited from the moved seed are the later periods
     * visited from the original. A whole number of weeks keeps the weekday (WEEKLY's implicit BYDAY),
     * and the only starts dropped as "before the seed" lie before {@code target}. Rules with COUNT are
     * counted from the first instance and never moved.
     */
    LocalDateTime fastForward(LocalDateTime seed, LocalDateTime target) {
        ChronoUnit step = frequency.fixedStep;
        if (step == null || count.isPresent() || !seed.isBefore(target)) {
            return seed;
        }
        long periods = step.between(seed, target) / interval - 1;
        return periods <= 0 ? seed : seed.plus(periods * interval, step);
    }
}
