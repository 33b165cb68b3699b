package org.mms.directory;

import java.util.Objects;
import java.util.Optional;
import org.mms.block.DialInNumber;

/**
 * A phone number on a dial-in bridge.
 *
 * @param number  E.164 with its plus
 * @param kind    toll or toll-free
 * @param display as people read it
 * @param city    where it is, e.g. "United States, Redmond"
 */
public record ServiceNumber(String number, DialInNumber.Kind kind, String display, Optional<String> city) {

    public ServiceNumber {
        Objects.requireNonNull(kind, "kind");
        // Validates the number the same way an invitation will need it.
        new DialInNumber(number, kind, display == null ? number : display, city);
        display = display == null || display.isBlank() ? number : display;
    }

    public DialInNumber asDialIn() {
        return new DialInNumber(number, kind, display, city);
    }
}
