/**
 * What the service exports on {@code GET /metrics} for Prometheus: one Micrometer registry per process,
 * gauges over counts the database holds (read with aggregate queries, a few seconds apart at most),
 * timers around the calendar stores, and the JVM's and the connection pool's own meters. Labels carry
 * only bounded values chosen by MMS or an admin (states, types, reasons, store kinds, route templates,
 * tenant ids); never a meeting's title, a user, an address or a path as a caller typed it.
 */
package org.mms.metrics;
