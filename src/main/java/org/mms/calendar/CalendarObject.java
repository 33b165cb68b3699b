package org.mms.calendar;

import java.util.Arrays;
import java.util.Objects;
import org.mms.ical.CalendarReader;
import org.mms.ical.IcalFormatException;

/**
 * One calendar object resource ready to be stored: the UID it holds, the name it goes under, and its
 * bytes.
 *
 * @param data one VCALENDAR; the record keeps its own copy and hands out copies
 */
public record CalendarObject(String uid, ResourceRef ref, byte[] data) {

    public CalendarObject {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(ref, "ref");
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The UID of a calendar object resource, after checking that the bytes are one: a single VCALENDAR
     * whose components other than VTIMEZONE are of one kind and all carry the same UID (RFC 4791
     * §4.1). A CalDAV server refuses anything else, and so does the embedded store, so that both
     * accept the same writes.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String uidOf(byte[] data) {
        String uid = null;
        String kind = null;
        int calendars = 0;
        try {
            CalendarReader reader = CalendarReader.of(data);
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                switch (item) {
                    case CalendarReader.CalendarBegin begin -> calendars++;
                    case CalendarReader.TopComponent c when c.name().equals("VTIMEZONE") -> {
                    }
                    case CalendarReader.TopComponent c -> {
                        String own = ComponentFacts.read(c.bytes()).uid().orElseThrow(() -> new IllegalArgumentException(
                                "not a calendar object resource: the " + c.name() + " at line " + c.firstLine() + " has no UID"));
                        if (uid == null) {
                            uid = own;
                            kind = c.name();
                        } else if (!uid.equals(own)) {
                            throw new IllegalArgumentException("not a calendar object resource: it holds two UIDs, "
                                    + uid + " and " + own);
                        } else if (!kind.equals(c.name())) {
                            throw new IllegalArgumentException("not a calendar object resource: it holds both a "
                                    + kind + " and a " + c.name());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IcalFormatException e) {
            throw new IllegalArgumentException("not a calendar object resource: " + e.getMessage(), e);
        }
        if (calendars != 1) {
            throw new IllegalArgumentException("not a calendar object resource: it holds " + calendars + " VCALENDARs, not one");
        }
        if (uid == null) {
            throw new IllegalArgumentException("not a calendar object resource: it holds no component with a UID");
        }
        return uid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarObject other && uid.equals(other.uid) && ref.equals(other.ref)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, ref, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "CalendarObject[" + uid + " as " + ref + ", " + data.length + " bytes]";
    }
}
