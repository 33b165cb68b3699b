/**
 * Where an organizer's meetings are kept: the {@link org.mms.calendar.CalendarStore} port, shaped as a
 * CalDAV collection is (one resource per UID holding the master, its overrides and the VTIMEZONEs they
 * use; ETags; conditional writes), and {@link org.mms.calendar.SplitCalendar}, which turns a calendar
 * export into such resources. Pure: the adapters (the embedded store in {@code org.mms.db}, CalDAV
 * later) do the I/O.
 */
package org.mms.calendar;
