package org.mms.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways the hostile-input probe of issue 13 broke calendars, as seeded mutations of real ones. Each
 * works on bytes, so a mutation can cut a UTF-8 sequence, a fold or a line ending anywhere.
 */
enum CalendarMutations {
    BYTE_FLIPS {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            byte[] out = in.clone();
            for (int i = random.nextInt(1, 6); i > 0 && out.length > 0; i--) {
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return out;
        }
    },
    TRUNCATION {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            return java.util.Arrays.copyOf(in, in.length == 0 ? 0 : random.nextInt(in.length));
        }
    },
    BROKEN_FOLD {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            List<Integer> folds = find(in, "\n ".getBytes(StandardCharsets.US_ASCII));
            if (!folds.isEmpty() && random.nextBoolean()) {
                // A continuation line that lost its leading space: it now reads as a line of its own.
                int at = folds.get(random.nextInt(folds.size())) + 1;
                return splice(in, at, at + 1, new byte[0]);
            }
            int at = random.nextInt(in.length + 1);
            return splice(in, at, at, random.nextBoolean() ? "\r\n".getBytes(StandardCharsets.US_ASCII) : "\r\n\t ".getBytes(StandardCharsets.US_ASCII));
        }
    },
    INVALID_UTF8 {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
            int at = random.nextInt(in.length + 1);
            return splice(in, at, at, bad[random.nextInt(bad.length)]);
        }
    },
    HUGE_LINE {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            int at = lineStart(in, random);
            String name = random.nextBoolean() ? "X-HUGE" : "DESCRIPTION";
            byte[] line = (name + ":" + "A\\, b\\n ü 会".repeat(random.nextInt(500, 6_000)) + "\r\n").getBytes(StandardCharsets.UTF_8);
            return splice(in, at, at, line);
        }
    },
    DEEP_NESTING {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            List<Integer> ends = find(in, "END:VEVENT".getBytes(StandardCharsets.US_ASCII));
            int at = ends.isEmpty() ? lineStart(in, random) : ends.get(random.nextInt(ends.size()));
            int depth = random.nextBoolean() ? random.nextInt(1, 40) : random.nextInt(40, 6_000);
            String name = random.nextBoolean() ? "X-NEST" : "VALARM";
            byte[] nest = (("BEGIN:" + name + "\r\n").repeat(depth) + ("END:" + name + "\r\n").repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            return splice(in, at, at, nest);
        }
    },
    MISSING_END {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            List<Integer> ends = find(in, "\nEND:".getBytes(StandardCharsets.US_ASCII));
            if (ends.isEmpty()) {
                return TRUNCATION.apply(in, random);
            }
            int at = ends.get(random.nextInt(ends.size())) + 1;
            return splice(in, at, lineEnd(in, at), new byte[0]);
        }
    },
    BAD_DATE {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            String[] values = {"20261399T250000", "", "notadate", "2026-12-01T09:00:00", "20261201T090000ZZ", "99999999T999999Z",
                "00000101T000000", "20261201", "20261201T0900", "-1"};
            String[] names = {"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "DTSTAMP", "DUE", "RDATE"};
            return replaceValue(in, names[random.nextInt(names.length)], values[random.nextInt(values.length)], random);
        }
    },
    BAD_RRULE {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            String[] rules = {"FREQ=SECONDLY;COUNT=999999999", "FREQ=DAILY;UNTIL=garbage", "FREQ=;BYDAY=XX", "FREQ=YEARLY;BYMONTH=13",
                "FREQ=MINUTELY", "FREQ=WEEKLY;INTERVAL=0", "FREQ=MONTHLY;BYMONTHDAY=0,32,-40", "FREQ=DAILY;COUNT=-5", "",
                "FREQ=YEARLY;BYSETPOS=400;BYDAY=MO", "FREQ=WEEKLY;UNTIL=20261201T090000Z;COUNT=3"};
            String rule = rules[random.nextInt(rules.length)];
            List<Integer> existing = find(in, "\nRRULE".getBytes(StandardCharsets.US_ASCII));
            if (!existing.isEmpty() && random.nextBoolean()) {
                return replaceValue(in, "RRULE", rule, random);
            }
            List<Integer> starts = find(in, "\nDTSTART".getBytes(StandardCharsets.US_ASCII));
            int at = starts.isEmpty() ? lineStart(in, random) : starts.get(random.nextInt(starts.size())) + 1;
            return splice(in, at, at, ("RRULE:" + rule + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    },
    END_FENCE_REMOVED {
        @Override
        byte[] apply(byte[] in, SplittableRandom random) {
            // The last run of fence characters (Teams underscores, Skype dots) in the file loses its characters.
            for (byte fence : new byte[] {'_', '.'}) {
                int end = -1;
                int run = 0;
                for (int i = in.length - 1; i >= 0; i--) {
                    run = in[i] == fence ? run + 1 : 0;
                    if (run == 20) {
                        end = i + 20;
                        break;
                    }
                }
                if (end > 0) {
                    int start = end - 20;
                    while (start > 0 && in[start - 1] == fence) {
                        start--;
                    }
                    while (end < in.length && in[end] == fence) {
                        end++;
                    }
                    return splice(in, start, end, new byte[0]);
                }
            }
            return MISSING_END.apply(in, random);
        }
    };

    abstract byte[] apply(byte[] in, SplittableRandom random);

    static byte[] splice(byte[] in, int from, int to, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + with.length);
        out.write(in, 0, from);
        out.writeBytes(with);
        out.write(in, to, in.length - to);
        return out.toByteArray();
    }

    static List<Integer> find(byte[] in, byte[] what) {
        List<Integer> found = new ArrayList<>();
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            found.add(i);
        }
        return found;
    }

    /** The start of a random line. */
    static int lineStart(byte[] in, SplittableRandom random) {
        List<Integer> breaks = find(in, new byte[] {'\n'});
        return breaks.isEmpty() ? 0 : breaks.get(random.nextInt(breaks.size())) + 1;
    }

    /** The offset after the line ending of the line that starts at {@code from}. */
    static int lineEnd(byte[] in, int from) {
        int i = from;
        while (i < in.length && in[i] != '\n') {
            i++;
        }
        return Math.min(in.length, i + 1);
    }

    /** A random line named {@code name} gets {@code value} after its colon (parameters kept); no such line: a random byte flip. */
    static byte[] replaceValue(byte[] in, String name, String value, SplittableRandom random) {
        List<Integer> lines = find(in, ("\n" + name).getBytes(StandardCharsets.US_ASCII));
        if (lines.isEmpty()) {
            return BYTE_FLIPS.apply(in, random);
        }
        int start = lines.get(random.nextInt(lines.size())) + 1;
        int end = lineEnd(in, start);
        int colon = start;
        while (colon < end && in[colon] != ':') {
            colon++;
        }
        int valueEnd = end;
        while (valueEnd > colon + 1 && (in[valueEnd - 1] == '\n' || in[valueEnd - 1] == '\r')) {
            valueEnd--;
        }
        return colon >= valueEnd ? in : splice(in, Math.min(colon + 1, valueEnd), valueEnd, value.getBytes(StandardCharsets.US_ASCII));
    }
}
