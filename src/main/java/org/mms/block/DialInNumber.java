package org.mms.block;

import java.util.Objects;
import java.util.Optional;

/**
 * One dial-in number as an invitation shows it.
 *
 * @param e164    the number in E.164 form with its leading plus, e.g. {@code +14255550100}
 * @param kind    toll or toll-free
 * @param display the number as people read it, e.g. {@code +1 425-555-0100}
 * @param place   where the number is, e.g. {@code United States, Redmond}
 */
public record DialInNumber(String e164, Kind kind, String display, Optional<String> place) {

    public enum Kind { TOLL, TOLL_FREE }

    public DialInNumber {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{4,14}")) {
            throw new IllegalArgumentException("not an E.164 number (+ and 5 to 15 digits): " + e164);
        }
        if (display == null || display.isBlank()) {
            display = e164;
        }
    }

    /** The digits without the plus, for comparing numbers however they are written. */
    public String digits() {
        return e164.substring(1);
    }
}
