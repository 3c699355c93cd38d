-- What notification-service does for one reaction.set, as raw statements on the same tables: the de-dup row, the
-- recipient's read-copy and principals, their preference, the grouped notification (insert or lock), the actor,
-- the update that counts them, the signal to the replicas. pgbench -M prepared; :p picks one of 200 posts.
-- (chr(58) is ':' - pgbench would read ':post' inside a literal as a variable)
\set r random(1, 2000000000)
\set p random(1, 200)
BEGIN;
INSERT INTO processed_events (consumer, event_id) VALUES ('pgbench', 'pgb-' || CAST(:r AS text) || '-' || CAST(:client_id AS text)) ON CONFLICT DO NOTHING;
SELECT status FROM employees WHERE id = 'pgb-author-' || CAST(:p AS text);
SELECT e.id IS NOT NULL, e.department, e.location, ARRAY(SELECT group_id FROM group_members WHERE employee_id = me.id) FROM (VALUES ('pgb-author-' || CAST(:p AS text))) AS me(id) LEFT JOIN employees e ON e.id = me.id;
SELECT (channels -> 'REACTION' ->> 'inApp')::boolean FROM preferences WHERE employee_id = 'pgb-author-' || CAST(:p AS text);
INSERT INTO notifications (id, recipient_id, type, group_key, actor_id, actor_count, post_id, author_id, text, audience, must_read, created_at) VALUES (gen_random_uuid(), 'pgb-author-' || CAST(:p AS text), 'REACTION', 'reaction' || chr(58) || 'post' || chr(58) || 'pgb-' || CAST(:p AS text), 'pgb-r-' || CAST(:r AS text), 1, 'pgb-' || CAST(:p AS text), 'pgb-author-' || CAST(:p AS text), 'Someone reacted to your post', ARRAY['all'], false, now()) ON CONFLICT (recipient_id, group_key) DO NOTHING;
SELECT CAST(id AS text) AS nid, actor_count FROM notifications WHERE recipient_id = 'pgb-author-' || CAST(:p AS text) AND group_key = 'reaction' || chr(58) || 'post' || chr(58) || 'pgb-' || CAST(:p AS text) FOR UPDATE \gset
INSERT INTO notification_actors (notification_id, actor_id) VALUES (CAST(:nid AS uuid), 'pgb-r-' || CAST(:r AS text)) ON CONFLICT DO NOTHING;
UPDATE notifications SET actor_id = 'pgb-r-' || CAST(:r AS text), actor_count = actor_count + 1, text = 'Someone and others reacted to your post', created_at = now(), read_at = NULL WHERE id = CAST(:nid AS uuid);
SELECT pg_notify('intranet_notifications', 'n' || chr(58) || CAST(:nid AS text) || chr(58) || 'pgb-author');
COMMIT;
