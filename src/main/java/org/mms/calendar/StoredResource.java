package org.mms.calendar;

import java.util.Arrays;
import java.util.Objects;

/**
 * A calendar object resource as a store holds it now.
 *
 * @param ref  its name in the mailbox
 * @param etag its entity tag as the store gives it, quotes included ({@code "3-9f86d081884c7d65"}):
 *             opaque, compared only for equality, and handed back unchanged as {@code If-Match}
 * @param data the iCalendar bytes (one VCALENDAR); the record keeps its own copy and hands out copies
 */
public record StoredResource(ResourceRef ref, String etag, byte[] data) {

    public StoredResource {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(etag, "etag");
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResource other && ref.equals(other.ref) && etag.equals(other.etag)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, etag, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "StoredResource[" + ref + ", " + etag + ", " + data.length + " bytes]";
    }
}
