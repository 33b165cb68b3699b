package org.mms.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Parameter values as PowerShell takes them: {@code $true}/{@code $false}, and dates as its documentation writes them. */
final class PsValues {

    private PsValues() {
    }

    /** {@code $true}, {@code $false}, {@code true}, {@code false}, any case. */
    static final CommandLine.ITypeConverter<Boolean> BOOLEAN = value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "$true", "true" -> Boolean.TRUE;
        case "$false", "false" -> Boolean.FALSE;
        default -> throw new CommandLine.TypeConversionException("expected $true or $false, not '" + value + "'");
    };

    /** US dates ({@code 10/1/2026}, {@code 10/1/2026 14:30}) in the local zone, as the cmdlets' examples use them, besides ISO-8601. */
    static final class Dates implements CommandLine.ITypeConverter<Instant> {

        private static final List<DateTimeFormatter> US_DATE_TIMES = List.of(
                formatter("M/d/uuuu H:mm"), formatter("M/d/uuuu H:mm:ss"), formatter("M/d/uuuu h:mm a"), formatter("M/d/uuuu h:mm:ss a"));
        private static final DateTimeFormatter US_DATE = formatter("M/d/uuuu");

        /**
         * Asked only when a date without an offset needs it: the first look-up of a zone loads every zone
         * rules provider on the class path (the calendar library's among them, and the logging it starts).
         */
        private final Supplier<ZoneId> zone;

        Dates(Supplier<ZoneId> zone) {
            this.zone = zone;
        }

        @Override
        public Instant convert(String value) {
            String v = value.strip();
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                // local forms follow
            }
            try {
                return LocalDateTime.parse(v).atZone(zone.get()).toInstant();
            } catch (DateTimeParseException notIsoLocal) {
                // US forms follow
            }
            try {
                return LocalDate.parse(v).atStartOfDay(zone.get()).toInstant();
            } catch (DateTimeParseException notIsoDate) {
                // US forms follow
            }
            for (DateTimeFormatter f : US_DATE_TIMES) {
                try {
                    return LocalDateTime.parse(v.toUpperCase(Locale.ROOT), f).atZone(zone.get()).toInstant();
                } catch (DateTimeParseException notThisOne) {
                    // try the next
                }
            }
            try {
                return LocalDate.parse(v, US_DATE).atStartOfDay(zone.get()).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a date such as 10/1/2026, 10/1/2026 14:30 or 2026-10-01T14:30:00Z, not '" + value + "'");
            }
        }

        private static DateTimeFormatter formatter(String pattern) {
            return DateTimeFormatter.ofPattern(pattern, Locale.US).withResolverStyle(ResolverStyle.STRICT);
        }
    }
}
