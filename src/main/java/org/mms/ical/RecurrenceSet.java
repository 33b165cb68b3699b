package org.mms.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The starts of one meeting: its DTSTART, RRULE, RDATE and EXDATE, answering the one question
 * selection asks: "does it start again after now?".
 *
 * <p>Overrides (VEVENTs with a RECURRENCE-ID) are the caller's: it passes their RECURRENCE-IDs as
 * {@code excludedStarts} and looks at their own DTSTARTs, because an override may move an instance
 * anywhere, or cancel it. Starts are compared as instants, so a RECURRENCE-ID written in UTC matches
 * a start generated in the organizer's zone, and a DATE RECURRENCE-ID matches a DATE series.
 *
 * <p>Cost, for calendars of a million meetings: nothing is expanded when DTSTART itself is after now
 * and not excluded, or when every RRULE has an UNTIL before now (or COUNT=0). Otherwise each RRULE
 * is expanded from shortly before now (rules without COUNT are fast-forwarded there) and at most
 * {@link #MAX_EXAMINED_INSTANCES} instances are looked at per rule; COUNT rules are counted from
 * DTSTART, so a COUNT with more instances than that before now ends in
 * {@link RecurrenceLimitException}.
 *
 * <p>Known limits: like ical4j, a DTSTART that does not match its RRULE is an instance of its own but
 * is not counted for COUNT; ical4j stops looking after 1000 consecutive periods without a match
 * (e.g. FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29 is seen as ending), and starts more than
 * 100 years after now are not looked for. RANGE=THISANDFUTURE
 * overrides are not applied here.
 */
public final class RecurrenceSet {

    /**
     * The most instances of one RRULE we look at for one question. A daily meeting with COUNT needs
     * one per day since DTSTART; 50,000 covers 130 years of those and keeps the worst case to a few
     * milliseconds (an instance costs ical4j well under a microsecond).
     */
    public static final int MAX_EXAMINED_INSTANCES = 50_000;

    private final Instant start;
    private final LocalDateTime seed;
    private final ZoneRules zone;
    private final List<RecurrenceRule> rules;
    private final List<Instant> rdates;
    private final Set<Instant> exdates;
    private final Set<LocalDate> exdateDays;

    private RecurrenceSet(Instant start, LocalDateTime seed, ZoneRules zone, List<RecurrenceRule> rules,
                          List<Instant> rdates, Set<Instant> exdates, Set<LocalDate> exdateDays) {
        this.start = start;
        this.seed = seed;
        this.zone = zone;
        this.rules = rules;
        this.rdates = rdates;
        this.exdates = exdates;
        this.exdateDays = exdateDays;
    }

    /** A meeting without recurrence. */
    public static RecurrenceSet single(DateTimeValue dtstart, TimeContext time) {
        return of(dtstart, List.of(), List.of(), List.of(), time);
    }

    /**
     * Reads the master VEVENT's recurrence. Values are checked here, but rule parts other than FREQ,
     * INTERVAL, COUNT and UNTIL only when the rule has to be expanded.
     *
     * @param dtstart the master's DTSTART; its zone is the zone the series recurs in
     * @param rrules  the RRULE values (usually zero or one)
     * @param rdates  the RDATE properties, each possibly a list or PERIODs
     * @param exdates the EXDATE properties, each possibly a list; a DATE on a timed series removes
     *                every start on that day, as most clients read it
     * @throws IcalFormatException      if a value is malformed
     * @throws UnknownTimeZoneException if a TZID is unknown and the context rejects those
     */
    public static RecurrenceSet of(DateTimeValue dtstart, List<String> rrules, List<DateTimeValue> rdates,
                                   List<DateTimeValue> exdates, TimeContext time) {
        List<DateTimeText> first = dtstart.items();
        if (first.size() != 1) {
            throw new IcalFormatException("DTSTART must be one value: \"" + dtstart.text() + "\"");
        }
        DateTimeText seed = first.getFirst();
        ZoneRules zone = dtstart.rulesFor(seed, time);
        boolean allDay = seed.form() == DateTimeText.Form.DATE;

        List<RecurrenceRule> rules = new ArrayList<>();
        for (String rrule : rrules) {
            rules.add(RecurrenceRule.parse(rrule, zone, allDay));
        }
        List<Instant> rdateStarts = new ArrayList<>();
        for (DateTimeValue rdate : rdates) {
            rdateStarts.addAll(rdate.instants(time));
        }
        rdateStarts.sort(null);
        Set<Instant> exdateStarts = new HashSet<>();
        Set<LocalDate> exdateDays = new HashSet<>();
        for (DateTimeValue exdate : exdates) {
            for (DateTimeText item : exdate.items()) {
                if (item.form() == DateTimeText.Form.DATE && !allDay) {
                    exdateDays.add(item.local().toLocalDate());
                } else {
                    exdateStarts.add(exdate.toInstant(item, time));
                }
            }
        }
        return new RecurrenceSet(LocalTimes.toInstant(seed.local(), zone), seed.local(), zone, List.copyOf(rules),
                List.copyOf(rdateStarts), Set.copyOf(exdateStarts), Set.copyOf(exdateDays));
    }

    /** DTSTART as an instant. */
    public Instant start() {
        return start;
    }

    /** Whether there is more than DTSTART: an RRULE or an RDATE. */
    public boolean isRecurring() {
        return !rules.isEmpty() || !rdates.isEmpty();
    }

    /**
     * The earliest start strictly after {@code now} that is neither an EXDATE nor one of
     * {@code excludedStarts}; empty when the meeting has no such start.
     *
     * @param excludedStarts starts the caller accounts for itself: the RECURRENCE-IDs of overrides
     * @throws RecurrenceLimitException if a rule needs more work than {@link #MAX_EXAMINED_INSTANCES}
     * @throws IcalFormatException      if a rule that must be expanded is unreadable
     */
    public Optional<Instant> firstStartAfter(Instant now, Set<Instant> excludedStarts) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(excludedStarts, "excludedStarts");
        Predicate<Instant> excluded = candidate -> excludedStarts.contains(candidate) || isExdate(candidate);

        Instant earliest = null;
        for (Instant rdate : rdates) {
            if (rdate.isAfter(now) && !excluded.test(rdate)) {
                earliest = rdate;
                break;
            }
        }
        if (start.isAfter(now) && !excluded.test(start)) {
            // Every start a rule generates is at or after DTSTART: no expansion needed.
            return Optional.of(earlier(earliest, start));
        }
        for (RecurrenceRule rule : rules) {
            if (rule.endsBefore(now)) {
                continue;
            }
            Optional<Instant> next = RuleExpansion.firstStartAfter(rule, seed, zone, now, excluded, MAX_EXAMINED_INSTANCES);
            if (next.isPresent()) {
                earliest = earlier(earliest, next.get());
            }
        }
        return Optional.ofNullable(earliest);
    }

    private boolean isExdate(Instant candidate) {
        return exdates.contains(candidate)
                || (!exdateDays.isEmpty() && exdateDays.contains(LocalTimes.toLocal(candidate, zone).toLocalDate()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
