package org.mms.calendar.graph;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * At most so many requests in flight to one mailbox (Graph allows four for Outlook resources and answers the fifth
 * with 429 {@code MailboxConcurrency}) and to Graph from the whole process. A caller waits for a place in its
 * mailbox before it takes one of the process's, so a busy mailbox never holds places others could use.
 */
final class InFlightLimits {

    /** A place taken; given back by closing it. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }

    private final int perMailbox;
    private final Semaphore process;
    private final ConcurrentMap<String, Semaphore> mailboxes = new ConcurrentHashMap<>();

    InFlightLimits(int perMailbox, int perProcess) {
        this.perMailbox = perMailbox;
        this.process = new Semaphore(perProcess, true);
    }

    Place enter(String mailbox) throws InterruptedException {
        Semaphore own = mailboxes.computeIfAbsent(mailbox, m -> new Semaphore(perMailbox, true));
        own.acquire();
        try {
            process.acquire();
        } catch (InterruptedException e) {
            own.release();
            throw e;
        }
        return () -> {
            process.release();
            own.release();
        };
    }
}
