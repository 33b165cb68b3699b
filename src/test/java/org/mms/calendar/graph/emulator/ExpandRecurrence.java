package org.mms.calendar.graph.emulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The occurrences of a series master, from its {@code recurrence} as Graph writes it: a {@code pattern} ({@code daily},
 * {@code weekly}, {@code absoluteMonthly}, {@code relativeMonthly}, {@code absoluteYearly}, {@code relativeYearly} with
 * {@code interval}, {@code daysOfWeek}, {@code dayOfMonth}, {@code month}, {@code index}, {@code firstDayOfWeek}) and a
 * {@code range} ({@code endDate}, {@code noEnd}, {@code numbered} from {@code startDate}). Each occurrence starts at the
 * master's time of day in the master's time zone, so a series keeps its wall-clock time across daylight-saving changes.
 * An absolute day of month that a month lacks (the 31st in April) falls on the month's last day, as Outlook places it.
 */
final class ExpandRecurrence {

    /** Enough for a daily series over many years; a pattern that never reaches the window stops here. */
    private static final int MAX_OCCURRENCES = 20_000;

    private ExpandRecurrence() {
    }

    /** Original start instants of the master's occurrences that overlap {@code [from, to)}, in order. */
    static List<Instant> originalStarts(JsonNode master, Instant from, Instant to) {
        JsonNode recurrence = master.path("recurrence");
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        ZoneId zone = GraphTime.zoneOf(master.path("start"));
        LocalDateTime masterStart = GraphTime.local(master.path("start"));
        Duration length = Duration.between(GraphTime.instant(master.path("start")), GraphTime.instant(master.path("end")));
        LocalTime timeOfDay = masterStart.toLocalTime();
        LocalDate first = range.hasNonNull("startDate") ? LocalDate.parse(range.path("startDate").asString()) : masterStart.toLocalDate();
        String rangeType = range.path("type").asString("noEnd");
        LocalDate last = rangeType.equals("endDate") ? LocalDate.parse(range.path("endDate").asString()) : LocalDate.MAX;
        int count = rangeType.equals("numbered") ? range.path("numberOfOccurrences").asInt() : Integer.MAX_VALUE;

        List<Instant> inWindow = new ArrayList<>();
        int produced = 0;
        for (LocalDate date : new Dates(pattern, first)) {
            if (date.isAfter(last) || produced >= count || produced >= MAX_OCCURRENCES) {
                break;
            }
            produced++;
            Instant start = date.atTime(timeOfDay).atZone(zone).toInstant();
            if (!start.isBefore(to)) {
                break;
            }
            if (start.plus(length).isAfter(from) || (length.isZero() && !start.isBefore(from))) {
                inWindow.add(start);
            }
        }
        return inWindow;
    }

    /** The dates a pattern produces from the range's start date on, in order, without end. */
    private record Dates(JsonNode pattern, LocalDate first) implements Iterable<LocalDate> {

        @Override
        public java.util.Iterator<LocalDate> iterator() {
            int interval = Math.max(1, pattern.path("interval").asInt(1));
            String type = pattern.path("type").asString("");
            List<DayOfWeek> days = new ArrayList<>();
            pattern.path("daysOfWeek").forEach(day -> days.add(DayOfWeek.valueOf(day.asString().toUpperCase(Locale.ROOT))));
            DayOfWeek weekStart = DayOfWeek.valueOf(pattern.path("firstDayOfWeek").asString("sunday").toUpperCase(Locale.ROOT));
            if (days.isEmpty()) {
                days.add(first.getDayOfWeek());
            }
            days.sort(Comparator.comparingInt(day -> Math.floorMod(day.getValue() - weekStart.getValue(), 7)));
            return switch (type) {
                case "daily" -> step(k -> List.of(first.plusDays((long) k * interval)));
                case "weekly" -> step(k -> {
                    LocalDate week = first.with(TemporalAdjusters.previousOrSame(weekStart)).plusWeeks((long) k * interval);
                    return days.stream().map(day -> week.with(TemporalAdjusters.nextOrSame(day))).filter(d -> !d.isBefore(first)).toList();
                });
                case "absoluteMonthly" -> step(k -> List.of(dayOfMonth(YearMonth.from(first).plusMonths((long) k * interval),
                        pattern.path("dayOfMonth").asInt())));
                case "relativeMonthly" -> step(k -> List.of(relative(YearMonth.from(first).plusMonths((long) k * interval), days,
                        pattern.path("index").asString("first"))));
                case "absoluteYearly" -> step(k -> List.of(dayOfMonth(YearMonth.of(first.getYear() + k * interval,
                        pattern.path("month").asInt()), pattern.path("dayOfMonth").asInt())));
                case "relativeYearly" -> step(k -> List.of(relative(YearMonth.of(first.getYear() + k * interval,
                        pattern.path("month").asInt()), days, pattern.path("index").asString("first"))));
                default -> throw new BadRequest("ErrorInvalidRecurrence", "The recurrence pattern type '" + type + "' is not one Graph knows.");
            };
        }

        private java.util.Iterator<LocalDate> step(java.util.function.IntFunction<List<LocalDate>> period) {
            return java.util.stream.IntStream.iterate(0, k -> k + 1)
                    .mapToObj(period)
                    .flatMap(List::stream)
                    .filter(date -> !date.isBefore(first))
                    .iterator();
        }

        private static LocalDate dayOfMonth(YearMonth month, int day) {
            return month.atDay(Math.min(Math.max(1, day), month.lengthOfMonth()));
        }

        private static LocalDate relative(YearMonth month, List<DayOfWeek> days, String index) {
            DayOfWeek day = days.isEmpty() ? DayOfWeek.MONDAY : days.getFirst();
            LocalDate firstOfMonth = month.atDay(1);
            return switch (index) {
                case "last" -> firstOfMonth.with(TemporalAdjusters.lastInMonth(day));
                case "second" -> firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(2, day));
                case "third" -> firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(3, day));
                case "fourth" -> firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(4, day));
                default -> firstOfMonth.with(TemporalAdjusters.firstInMonth(day));
            };
        }
    }
}
