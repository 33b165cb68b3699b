-- The version a journaled write was conditional on (its If-Match ETag), kept with the intent so that a run that
-- stopped between the write and its confirmation can be settled on a store that gives back its own rendering of
-- what it was given (every CalDAV server does): the bytes read back never hash to the bytes MMS meant to write, but
-- a resource still at this ETag was not written, and one that moved on from it and shows the blocks the write
-- meant to write (new_block) was.
-- Empty for intents journaled before this column existed. VARCHAR without a length, as in V014: ETags have no limit
-- (Exchange's carry one per event of a series).

ALTER TABLE meeting_change ADD COLUMN base_etag VARCHAR;
