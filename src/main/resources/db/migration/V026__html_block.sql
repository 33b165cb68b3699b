-- The HTML body's block before and after, as the X-ALT-DESC (iCalendar) or the body (Graph) showed it, for the
-- dashboard to render side by side: the text columns keep the plain-text block (or, for an HTML-only invitation, the
-- block's visible text). Both stay empty when the meeting has no HTML body. html_recorded tells rows written since
-- from those written before this column existed, of which the HTML is not known.
ALTER TABLE meeting_change ADD COLUMN previous_html_block TEXT;
ALTER TABLE meeting_change ADD COLUMN new_html_block TEXT;
ALTER TABLE meeting_change ADD COLUMN html_recorded BOOLEAN DEFAULT FALSE NOT NULL;
