/**
 * The calendar store on a CalDAV server (RFC 4791), with the JDK HTTP client and StAX only:
 * {@link org.mms.calendar.caldav.CalDavCalendarStore} (configured by
 * {@link org.mms.calendar.caldav.CalDavSettings} and a {@link org.mms.calendar.caldav.MailboxLocator}),
 * and {@link org.mms.calendar.caldav.CalDavDiscovery}, which shows an admin the calendars an account
 * sees. An adapter: the only place in the calendar feature that speaks HTTP.
 *
 * <p>Servers differ, and the differences measured on Radicale 3.1.8 and Xandikos 0.2.8 shape the
 * code: Xandikos ignores RRULE in time-range queries (series are queried apart), answers a PROPFIND
 * on a missing collection with a 207, and lists a {@code calendar-auto-scheduling} token that is not
 * RFC 6638's; Radicale answers in HTTP/1.0 and closes connections (requests that meet a closed one are
 * sent again) and decodes a body whose folds split a UTF-8 sequence as ISO-8859-1 (such folds are
 * moved). Both rewrite what they store, so what comes back is the server's rendering.
 */
package org.mms.calendar.caldav;
