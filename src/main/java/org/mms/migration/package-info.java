/**
 * Planning a migration: which meetings of an organizer to migrate and why the others are left alone,
 * and the byte edits that bring a meeting to its new coordinates. Pure: no I/O.
 */
package org.mms.migration;
