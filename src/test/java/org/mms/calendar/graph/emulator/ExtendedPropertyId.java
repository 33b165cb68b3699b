package org.mms.calendar.graph.emulator;

import java.util.Locale;

/**
 * How Graph compares the id of a named extended property in a filter ({@code String {guid} Name X-FOO}): the type and
 * the property set's GUID in any case, the name exactly, since Graph documents filtering on the name in an id as
 * case-sensitive. Ids of other forms ({@code String 0x…}) are compared in any case.
 */
final class ExtendedPropertyId {

    private static final String NAME = " name ";

    private ExtendedPropertyId() {
    }

    static boolean same(String a, String b) {
        int inA = a.toLowerCase(Locale.ROOT).indexOf(NAME);
        int inB = b.toLowerCase(Locale.ROOT).indexOf(NAME);
        if (inA < 0 || inB < 0) {
            return a.equalsIgnoreCase(b);
        }
        return a.substring(0, inA).strip().equalsIgnoreCase(b.substring(0, inB).strip())
                && a.substring(inA + NAME.length()).equals(b.substring(inB + NAME.length()));
    }
}
