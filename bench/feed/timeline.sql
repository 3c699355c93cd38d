-- pgbench: the pure baseline, one reader's materialised timeline, newest 20, nothing joined (an index-only scan of
-- the timelines primary key). Per reader: owner.
SELECT created_at, post_id FROM timelines WHERE owner_id = :owner ORDER BY created_at DESC, post_id DESC LIMIT 20;
