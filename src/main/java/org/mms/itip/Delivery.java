package org.mms.itip;

import java.util.List;
import java.util.Objects;

/**
 * What the mail system did with a message it took: it is on its way, to everyone or to all but some
 * recipients. A message it did not take is a {@link MailRejectedException} (or another exception),
 * never a Delivery; either kind of Delivery means the message must not be sent again.
 */
public sealed interface Delivery {

    /** Taken for every recipient. */
    record Accepted() implements Delivery {}

    /**
     * Taken for some recipients; the others were refused for good and will not get it.
     *
     * @param rejected the rejected addresses, at least one
     * @param reply   the server's reply for them, e.g. {@code 550 5.1.1 mailbox unavailable}
     */
    record PartlyRejected(List<String> rejected, String reply) implements Delivery {
        public PartlyRejected {
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(reply, "reply");
            if (rejected.isEmpty()) {
                throw new IllegalArgumentException("a partial delivery names at least one rejected recipient");
            }
        }

        /** One line for an admin: who did not get it and what the server said. */
        public String note() {
            return "not delivered to " + String.join(", ", rejected) + ": " + reply;
        }
    }

    static Delivery accepted() {
        return new Accepted();
    }
}
