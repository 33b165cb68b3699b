/**
 * Durable migration requests: one per user at a time, held back for a settle window so a burst of
 * changes becomes one migration, claimed by workers under a lease they keep alive with heartbeats, and
 * handed back by a reaper when a worker dies. Pure: values, the state machine and two ports. The SQL
 * behind the ports lives in {@code org.mms.db}.
 *
 * <p>Two ports, as db-scheduler keeps its runtime apart from its client: {@link org.mms.queue.MigrationQueue}
 * is what workers and the trigger policy use, {@link org.mms.queue.MigrationStatusQueries} what admins read.
 */
package org.mms.queue;
