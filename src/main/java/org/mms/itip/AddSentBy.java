package org.mms.itip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mms.ical.ByteEdit;
import org.mms.ical.ByteEdits;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.ContentLine;

/**
 * Marks the mailed copy of a meeting as sent on the organizer's behalf: every VEVENT's ORGANIZER line
 * gets {@code SENT-BY="mailto:<service address>"} (RFC 5545 §3.2.18), so that the calendar says what
 * the {@code From} and {@code Sender} headers say (DESIGN §3, point 4): a client that checks who sent
 * an update against the ORGANIZER then sees the service named as acting for the organizer, instead of
 * an update from a mailbox the calendar does not mention.
 *
 * <p>A byte-level edit of the ORGANIZER lines only: the parameter goes in just before the value's
 * {@code :}, an existing SENT-BY is replaced where it stands, the other parameters keep their bytes
 * (quoting, case, non-ASCII names), and only the edited stretch is folded. Every other byte of the
 * calendar is copied as given. Only for the copy that is mailed: the stored calendar names no sender.
 */
public final class AddSentBy {

    private AddSentBy() {}

    /** The calendar with every VEVENT's ORGANIZER sent by {@code sender}; the same bytes when they already say so. */
    public static byte[] apply(byte[] calendar, Mailbox sender) {
        return ByteEdits.apply(calendar, 0, calendar.length, edits(calendar, sender));
    }

    /**
     * The edits {@link #apply} makes, in order.
     *
     * @throws IllegalArgumentException when the bytes are not one VCALENDAR or an ORGANIZER line has
     *                                  no value; the mailed calendar comes from our own composer, so
     *                                  this is a bug, not bad input
     */
    public static List<ByteEdit> edits(byte[] calendar, Mailbox sender) {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(sender, "sender");
        Component vcalendar;
        try {
            vcalendar = Component.parse(calendar);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot mark a calendar that does not parse: " + e.getMessage(), e);
        }
        // The address passed Mailbox's check (ASCII dot-atom @ LDH labels): no quote, no line break.
        String parameter = ";SENT-BY=\"mailto:" + sender.address() + "\"";
        ComponentEditor editor = new ComponentEditor(vcalendar);
        for (Component component : vcalendar.children()) {
            if (component.name().equals("VEVENT")) {
                for (ContentLine organizer : component.all("ORGANIZER")) {
                    mark(editor, organizer, parameter);
                }
            }
        }
        return editor.edits();
    }

    private static void mark(ComponentEditor editor, ContentLine line, String parameter) {
        Parameters parameters = Parameters.of(line.unfolded());
        if (parameters.valueSeparator() < 0) {
            throw new IllegalArgumentException("ORGANIZER line without ':' before its value: " + line);
        }
        List<Parameters.Span> sentBy = parameters.named("SENT-BY");
        if (sentBy.isEmpty()) {
            int at = parameters.valueSeparator();
            editor.replaceInLine(line, at, at, parameter);
            return;
        }
        // Replaced where it stands; a second SENT-BY would contradict the first, so it goes.
        editor.replaceInLine(line, sentBy.getFirst().start(), sentBy.getFirst().end(), parameter);
        for (Parameters.Span extra : sentBy.subList(1, sentBy.size())) {
            editor.replaceInLine(line, extra.start(), extra.end(), "");
        }
    }

    /**
     * Where each parameter of an unfolded content line lies, from its {@code ;} to just before the next
     * {@code ;} or the value's {@code :}; quoted values may hold both, so quotes are tracked.
     *
     * @param spans          {@code [start, end)} per parameter, with its upper-case name
     * @param valueSeparator offset of the {@code :} that starts the value, or -1 when there is none
     */
    private record Parameters(List<Span> spans, int valueSeparator) {

        record Span(String name, int start, int end) {}

        static Parameters of(byte[] line) {
            int n = line.length;
            int i = 0;
            while (i < n && line[i] != ';' && line[i] != ':') {
                i++;
            }
            List<Span> spans = new ArrayList<>(4);
            while (i < n && line[i] == ';') {
                int start = i++;
                int nameStart = i;
                while (i < n && line[i] != '=' && line[i] != ';' && line[i] != ':') {
                    i++;
                }
                String name = upperAscii(line, nameStart, i);
                boolean quoted = false;
                while (i < n && (quoted || (line[i] != ';' && line[i] != ':'))) {
                    if (line[i] == '"') {
                        quoted = !quoted;
                    }
                    i++;
                }
                spans.add(new Span(name, start, i));
            }
            return new Parameters(List.copyOf(spans), i < n ? i : -1);
        }

        List<Span> named(String upperName) {
            return spans.stream().filter(span -> span.name().equals(upperName)).toList();
        }

        private static String upperAscii(byte[] bytes, int from, int to) {
            StringBuilder name = new StringBuilder(to - from);
            for (int k = from; k < to; k++) {
                char c = (char) (bytes[k] & 0xff);
                name.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
            return name.toString();
        }
    }
}
