package org.mms.ical;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link ZoneRules} from an inline VTIMEZONE, for TZIDs no table knows (Outlook's
 * "Customized Time Zone", display names, home-made ids).
 *
 * <p>Only the rules in force today matter here: we ask about future meetings. So the observances
 * with an open-ended yearly RRULE ({@code BYMONTH} plus {@code BYDAY=-1SU}, {@code 2SU}, ... or a
 * fixed {@code BYMONTHDAY}) become the zone's transition rules for every year, and historical
 * observances (RRULE with UNTIL or COUNT, RDATE lists) are ignored. A zone without such rules is the
 * fixed offset of its latest observance. This is what Outlook writes (one STANDARD, one DAYLIGHT,
 * DTSTART in 1601), and it is right for today's years in what other clients write.
 *
 * <p>Built rules are cached by definition text: a calendar repeats the same few definitions in
 * thousands of resources, and Outlook's in particular are byte-identical.
 */
final class VtimezoneRules {

    /** Calendars use a handful of distinct definitions; the bound only stops hostile input growing memory. */
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, ZoneRules> CACHE = new ConcurrentHashMap<>();

    private VtimezoneRules() {
    }

    static ZoneRules of(String tzid, String unfoldedVtimezone) {
        ZoneRules cached = CACHE.get(unfoldedVtimezone);
        if (cached != null) {
            return cached;
        }
        ZoneRules built = build(tzid, unfoldedVtimezone);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(unfoldedVtimezone, built);
        return built;
    }

    private static ZoneRules build(String tzid, String text) {
        List<Observance> observances = Observance.readAll(tzid, text);
        if (observances.isEmpty()) {
            throw invalid(tzid, "no STANDARD or DAYLIGHT observance");
        }
        List<Observance> recurring = currentYearlyRules(observances);
        if (recurring.size() < 2) {
            // No yearly switching (or only half of it): the zone sits at the offset it reached last.
            Observance latest = observances.stream().max(Comparator.comparing(Observance::lastOnset)).orElseThrow();
            return ZoneRules.of(latest.to());
        }
        ZoneOffset standard = recurring.stream().filter(o -> o.kind().equals("STANDARD")).map(Observance::to)
                .findFirst().orElse(recurring.getFirst().from().orElseThrow());
        List<ZoneOffsetTransitionRule> rules = new ArrayList<>();
        for (Observance observance : recurring) {
            rules.add(transitionRule(tzid, observance, standard));
        }
        rules.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth).thenComparingInt(VtimezoneRules::approximateDay));
        for (int i = 0; i < rules.size(); i++) {
            ZoneOffsetTransitionRule rule = rules.get(i);
            ZoneOffsetTransitionRule next = rules.get((i + 1) % rules.size());
            if (!rule.getOffsetAfter().equals(next.getOffsetBefore())) {
                throw invalid(tzid, "observances do not chain: one ends at " + rule.getOffsetAfter()
                        + " but the next starts from " + next.getOffsetBefore());
            }
        }
        // ZoneRules applies its "last rules" only after the last explicit transition, so seed it with
        // the transitions of the year the rules start.
        int firstYear = recurring.stream().mapToInt(o -> o.start().getYear()).max().orElseThrow();
        List<ZoneOffsetTransition> seed = rules.stream().map(rule -> rule.createTransition(firstYear)).toList();
        return ZoneRules.of(standard, rules.getFirst().getOffsetBefore(), List.of(), seed, rules);
    }

    /**
     * The open-ended yearly rules that switch the offset, one per kind: when a producer forgot the
     * UNTIL on a superseded rule, the one that started last is the one in force.
     */
    private static List<Observance> currentYearlyRules(List<Observance> observances) {
        Map<String, Observance> latestByKind = new HashMap<>();
        for (Observance observance : observances) {
            if (observance.isOpenEnded() && observance.changesOffset()) {
                latestByKind.merge(observance.kind(), observance,
                        (a, b) -> b.start().isAfter(a.start()) ? b : a);
            }
        }
        return List.copyOf(latestByKind.values());
    }

    private static int approximateDay(ZoneOffsetTransitionRule rule) {
        int indicator = rule.getDayOfMonthIndicator();
        return indicator > 0 ? indicator : 32 + indicator;
    }

    private static ZoneOffsetTransitionRule transitionRule(String tzid, Observance observance, ZoneOffset standard) {
        Map<String, String> parts = observance.rrule().orElseThrow();
        String rrule = "RRULE in " + observance.kind() + " of VTIMEZONE \"" + tzid + "\"";
        if (!"YEARLY".equals(parts.get("FREQ")) || !parts.getOrDefault("INTERVAL", "1").equals("1")) {
            throw invalid(tzid, "only yearly observance rules are supported, got " + rrule + ": " + parts);
        }
        try {
            Month month = parts.containsKey("BYMONTH")
                    ? Month.of(Integer.parseInt(parts.get("BYMONTH")))
                    : observance.start().getMonth();
            String byDay = parts.get("BYDAY");
            String byMonthDay = parts.get("BYMONTHDAY");
            DayOfWeek dayOfWeek = null;
            int dayIndicator;
            if (byDay != null) {
                String position = byDay.substring(0, byDay.length() - 2);
                dayOfWeek = dayOfWeek(byDay.substring(byDay.length() - 2));
                if (!position.isEmpty()) {
                    dayIndicator = dayIndicatorForPosition(Integer.parseInt(position.replace("+", "")));
                } else if (byMonthDay != null) {
                    // e.g. BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14 is "the second Sunday".
                    List<Integer> days = new ArrayList<>();
                    for (String day : byMonthDay.split(",")) {
                        days.add(Integer.parseInt(day.strip()));
                    }
                    dayIndicator = days.getFirst() > 0 ? days.stream().min(Integer::compare).orElseThrow()
                            : days.stream().max(Integer::compare).orElseThrow();
                } else {
                    throw invalid(tzid, rrule + " has BYDAY without a position: " + byDay);
                }
            } else if (byMonthDay != null) {
                dayIndicator = Integer.parseInt(byMonthDay.strip());
            } else {
                dayIndicator = observance.start().getDayOfMonth();
            }
            return ZoneOffsetTransitionRule.of(month, dayIndicator, dayOfWeek, observance.start().toLocalTime(), false,
                    TimeDefinition.WALL, standard, observance.from().orElseThrow(), observance.to());
        } catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException e) {
            throw new IcalFormatException("VTIMEZONE \"" + tzid + "\": unreadable " + rrule + ": " + parts, e);
        }
    }

    /**
     * {@code 1SU} is the first Sunday (on or after the 1st), {@code -1SU} the last (on or before the
     * last day). Windows writes week 5 for "last", so {@code 5SU} means last here too.
     */
    private static int dayIndicatorForPosition(int position) {
        if (position == 5 || position == -1) {
            return -1;
        }
        if (position >= 1 && position <= 4) {
            return 1 + 7 * (position - 1);
        }
        if (position <= -2 && position >= -4) {
            return -1 - 7 * (-position - 1);
        }
        throw new NumberFormatException("position out of range: " + position);
    }

    private static DayOfWeek dayOfWeek(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw new NumberFormatException("not a weekday: " + code);
        };
    }

    static IcalFormatException invalid(String tzid, String problem) {
        return new IcalFormatException("VTIMEZONE \"" + tzid + "\": " + problem);
    }
}
