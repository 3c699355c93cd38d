-- Read notifications are deleted after intranet.notification.retention.read (NotificationRetention): the oldest
-- read ones first, found by this index without touching unread rows.
CREATE INDEX notifications_read_at ON notifications (read_at) WHERE read_at IS NOT NULL;
