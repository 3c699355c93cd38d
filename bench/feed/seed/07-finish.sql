-- Step 7: the secondary indexes back (their saved definitions), the staging tables dropped (but emp and grp, which
-- the bench reads), statistics and visibility maps (VACUUM ANALYZE: the steady state autovacuum would reach), a
-- checkpoint, the seed marked done.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '512MB';
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT name, definition FROM feed_bench.saved_indexes LOOP
        IF to_regclass('feed.' || quote_ident(r.name)) IS NULL THEN
            EXECUTE r.definition;
        END IF;
    END LOOP;
    DELETE FROM feed_bench.saved_indexes;
END $$;
DROP TABLE feed_bench.rx, feed_bench.src, feed_bench.tl, feed_bench.todo, feed_bench.post, feed_bench.fol,
    feed_bench.mem;
VACUUM ANALYZE feed.employees;
VACUUM ANALYZE feed.follows;
VACUUM ANALYZE feed.follow_counts;
VACUUM ANALYZE feed.groups;
VACUUM ANALYZE feed.group_members;
VACUUM ANALYZE feed.posts;
VACUUM ANALYZE feed.post_tags;
VACUUM ANALYZE feed.post_reactions;
VACUUM ANALYZE feed.timeline_owners;
VACUUM ANALYZE feed.timelines;
ANALYZE feed_bench.emp, feed_bench.grp;
-- the load's dirty pages written out now, not by a checkpoint in the middle of the first measurement
CHECKPOINT;
-- posts newer than last_post_at are the bench's own (the posting runs), deleted after each run
UPDATE feed_bench.seed SET finished_at = clock_timestamp(), last_post_at = (SELECT max(created_at) FROM feed.posts);
SELECT count(*) FROM feed.timelines;
