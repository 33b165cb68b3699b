-- How fast a tenant's update messages go out: at most max_updates_per_hour in any rolling hour (null: no
-- limit), and none between quiet_hours_start and quiet_hours_end (HH:mm, in quiet_hours_time_zone, an IANA
-- zone; all three null: no quiet hours). Messages wait in the outbox meanwhile.

ALTER TABLE tenant ADD COLUMN max_updates_per_hour INT;
ALTER TABLE tenant ADD COLUMN quiet_hours_start VARCHAR(5);
ALTER TABLE tenant ADD COLUMN quiet_hours_end VARCHAR(5);
ALTER TABLE tenant ADD COLUMN quiet_hours_time_zone VARCHAR(64);

-- The rolling hour counts a tenant's messages sent since an instant.
CREATE INDEX outbox_message_sent ON outbox_message (tenant_id, sent_at);
