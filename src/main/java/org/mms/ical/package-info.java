/**
 * Byte-preserving iCalendar: content lines with their original byte ranges, unfolding in the byte
 * domain, TEXT values with an offset map back to the raw bytes, refolding of edited lines only, and
 * the time arithmetic (time zones, recurrence) that selection needs. Pure: no I/O.
 */
package org.mms.ical;
