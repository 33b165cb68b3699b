package org.mms.migration;

import java.util.Optional;

/**
 * The one rule for an organizer's address, wherever one is given (the organizer, an alias, a profile's
 * aliases): after dropping a {@code mailto:} or {@code sip:} scheme, one {@code @} with something on each
 * side and no white space. Kept in one place so that a value one option accepts is never refused by another.
 */
public final class CheckAddress {

    private CheckAddress() {
    }

    /** Why {@code address} is not an organizer address, or empty when it is one. */
    public static Optional<String> problem(String address) {
        if (address == null || !Organizer.normalize(address).matches("[^@\\s]+@[^@\\s]+")) {
            return Optional.of("not an e-mail address: " + address);
        }
        return Optional.empty();
    }
}
