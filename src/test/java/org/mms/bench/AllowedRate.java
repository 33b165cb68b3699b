package org.mms.bench;

import java.util.Locale;

/**
 * The request rate Graph's limits allow a migration of many mailboxes, and what it means in meetings per second.
 * Graph holds each request about {@code latencyMillis}; a mailbox takes at most {@code perMailbox} requests in flight
 * (4 for Outlook resources); a worker migrates one mailbox at a time, so {@code min(workers, mailboxes)} mailboxes are
 * open at once; and the store keeps the whole process under {@code perProcess} requests in flight. By Little's law a
 * request slot held {@code L} ms serves {@code 1000 / L} requests a second.
 *
 * @param latencyMillis      how long Graph takes to answer one request
 * @param perMailbox         requests in flight per mailbox that Graph allows
 * @param perProcess         requests in flight the store allows the whole process
 * @param workers            migrations worked on at once
 * @param mailboxes          mailboxes to migrate
 */
record AllowedRate(double latencyMillis, int perMailbox, int perProcess, int workers, int mailboxes) {

    /** Mailboxes being migrated at once. */
    int openMailboxes() {
        return Math.min(workers, mailboxes);
    }

    /** Requests in flight the limits allow at once. */
    int inFlight() {
        return Math.min(perMailbox * openMailboxes(), perProcess);
    }

    /** Requests per second one slot in flight serves. */
    double perSlot() {
        return 1000.0 / latencyMillis;
    }

    double requestsPerSecond() {
        return inFlight() * perSlot();
    }

    /** Meetings per second those requests carry, at the measured number of requests each migrated meeting costs. */
    double meetingsPerSecond(double requestsPerMeeting) {
        return requestsPerSecond() / requestsPerMeeting;
    }

    /** The arithmetic, one step a line. */
    String describe(double requestsPerMeeting) {
        return String.format(Locale.ROOT, """
                  one mailbox: %d in flight x 1000 / %.0f ms = %.0f requests/s
                  %d workers, one mailbox each: %d mailboxes open x %d = %d in flight, process cap %d: %d in flight
                  allowed: %d x 1000 / %.0f ms = %,.0f requests/s; / %.2f requests per migrated meeting = %,.0f meetings/s
                """, perMailbox, latencyMillis, perMailbox * perSlot(), workers, openMailboxes(), perMailbox, perMailbox * openMailboxes(),
                perProcess, inFlight(), inFlight(), latencyMillis, requestsPerSecond(), requestsPerMeeting,
                meetingsPerSecond(requestsPerMeeting));
    }
}
