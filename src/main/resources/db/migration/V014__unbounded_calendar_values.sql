-- Values that come from calendars (a meeting's title, UID, RECURRENCE-ID, the organizer's name and
-- address, a calendar server's resource names) have no length limit in iCalendar, and real ones exceed
-- the limits chosen before: a 1,001-character title made the journal refuse the meeting and with it
-- the organizer's whole migration. They are stored as they come.
--
-- VARCHAR without a length, not TEXT: unbounded on PostgreSQL, the longest H2 string (1,000,000
-- characters) on H2, and indexable on both (H2 cannot index TEXT, which it reads as a CLOB).
-- SET DATA TYPE changes the type only, keeping NOT NULL, on both databases.

ALTER TABLE meeting_change ALTER COLUMN href SET DATA TYPE VARCHAR;
ALTER TABLE meeting_change ALTER COLUMN uid SET DATA TYPE VARCHAR;
ALTER TABLE meeting_change ALTER COLUMN recurrence_id SET DATA TYPE VARCHAR;
ALTER TABLE meeting_change ALTER COLUMN subject SET DATA TYPE VARCHAR;

ALTER TABLE outbox_message ALTER COLUMN href SET DATA TYPE VARCHAR;
ALTER TABLE outbox_message ALTER COLUMN uid SET DATA TYPE VARCHAR;
ALTER TABLE outbox_message ALTER COLUMN organizer SET DATA TYPE VARCHAR;
ALTER TABLE outbox_message ALTER COLUMN organizer_name SET DATA TYPE VARCHAR;

-- The embedded store's href is a hash of the UID; the UID itself stays within the store's own limit
-- (JdbcCalendarStore.MAX_UID_LENGTH), which keeps its index within PostgreSQL's index row size.
ALTER TABLE calendar_resource ALTER COLUMN uid SET DATA TYPE VARCHAR;

-- What triggered a migration and why a change was decided as it was quote the directory's values.
ALTER TABLE migration_request ALTER COLUMN trigger SET DATA TYPE VARCHAR;
ALTER TABLE migration_request ALTER COLUMN follow_up_trigger SET DATA TYPE VARCHAR;
ALTER TABLE trigger_decision ALTER COLUMN change_detail SET DATA TYPE VARCHAR;
ALTER TABLE trigger_decision ALTER COLUMN reason SET DATA TYPE VARCHAR;
