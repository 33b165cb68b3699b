package org.mms.calendar.graph.emulator;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The tenant's mailboxes as Graph sees them, by UPN (case-insensitive): reachable ones with a calendar, ones hosted
 * on premises (Graph cannot reach them), and ones an application access policy keeps the app out of.
 */
final class Mailboxes {

    sealed interface Lookup permits Found, Unknown, OnPremises, AccessDenied {
    }

    record Found(MailboxCalendar calendar) implements Lookup {
    }

    record Unknown() implements Lookup {
    }

    record OnPremises() implements Lookup {
    }

    record AccessDenied() implements Lookup {
    }

    private final Map<String, MailboxCalendar> calendars = new ConcurrentHashMap<>();
    private final Set<String> onPremises = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Consumer<Notification> notifications;

    Mailboxes(Clock clock, Consumer<Notification> notifications) {
        this.clock = clock;
        this.notifications = notifications;
    }

    void add(String upn) {
        calendars.computeIfAbsent(key(upn), k -> new MailboxCalendar(upn, clock, notifications));
    }

    void addOnPremises(String upn) {
        onPremises.add(key(upn));
    }

    void deny(String upn) {
        denied.add(key(upn));
    }

    Lookup find(String upn) {
        String key = key(upn);
        if (denied.contains(key)) {
            return new AccessDenied();
        }
        if (onPremises.contains(key)) {
            return new OnPremises();
        }
        MailboxCalendar calendar = calendars.get(key);
        return calendar == null ? new Unknown() : new Found(calendar);
    }

    /** For the test's own calls: a mailbox the test added, or an error naming the UPN. */
    MailboxCalendar calendar(String upn) {
        MailboxCalendar calendar = calendars.get(key(upn));
        if (calendar == null) {
            throw new IllegalArgumentException("no mailbox " + upn + " in the emulator: addMailbox it first");
        }
        return calendar;
    }

    private static String key(String upn) {
        return upn.toLowerCase(Locale.ROOT);
    }
}
