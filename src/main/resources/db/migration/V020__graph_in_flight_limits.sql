-- How many requests MMS keeps in flight to Exchange Online for a tenant whose calendars are there (kind
-- GRAPH): at most so many to one mailbox (Exchange answers 429 beyond 4) and to Graph from one process.
-- Empty: Graph's documented limit per mailbox, 4, and 64 for the process.

ALTER TABLE tenant_calendar_store ADD COLUMN max_requests_per_mailbox INTEGER;
ALTER TABLE tenant_calendar_store ADD COLUMN max_requests_in_flight INTEGER;
