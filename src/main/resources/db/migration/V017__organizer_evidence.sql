-- What shows a meeting without the add-in's properties to be its organizer's: the user's directory object id,
-- which Teams join links name, and the tenant's choice to require the add-in's properties as the original
-- service does.
ALTER TABLE app_user ADD COLUMN object_id VARCHAR(36);
ALTER TABLE tenant ADD COLUMN require_add_in_properties BOOLEAN DEFAULT FALSE NOT NULL;
