-- Step 0: the bench's own schema (feed_bench: staging tables, the seed marker, the saved index definitions) and a
-- clean slate in feed-service's schema. THIS WIPES feed-service's posts, groups, follows, reactions, comments and
-- timelines: the local stack's feed database is a bench database once this runs. Employees other than the bench's
-- own (username bench<n>) are kept: they are the read-copy of real profiles, which only profile events rebuild.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS feed_bench;
CREATE TABLE IF NOT EXISTS feed_bench.saved_indexes (name text PRIMARY KEY, definition text NOT NULL);

-- a seed that failed while the indexes were dropped left their definitions here: put them back first
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT s.name, s.definition FROM feed_bench.saved_indexes s
             WHERE to_regclass('feed.' || quote_ident(s.name)) IS NULL LOOP
        EXECUTE r.definition;
    END LOOP;
    DELETE FROM feed_bench.saved_indexes;
END $$;

-- the probe trigger of an interrupted bench (feed-bench.sh) would write into a table dropped below
DROP TRIGGER IF EXISTS feed_bench_arrivals ON feed.timelines;
DROP TABLE IF EXISTS feed_bench.seed, feed_bench.emp, feed_bench.fol, feed_bench.grp, feed_bench.mem, feed_bench.src,
    feed_bench.post, feed_bench.rx, feed_bench.tl, feed_bench.todo, feed_bench.readers, feed_bench.authors,
    feed_bench.arrivals;

-- CASCADE: a table the service adds later that references these is emptied too (it is a bench database)
TRUNCATE feed.timelines, feed.timeline_owners, feed.post_reactions, feed.comment_reactions, feed.comments,
    feed.post_tags, feed.post_revisions, feed.pending_mentions, feed.posts, feed.group_members, feed.groups,
    feed.follows, feed.follow_counts CASCADE;
DELETE FROM feed.employees WHERE username ~ '^bench[0-9]+$';

-- Secondary indexes of the seeded tables are dropped for the load and rebuilt after it (much faster than keeping
-- them up to date row by row); their exact definitions are kept here until then.
INSERT INTO feed_bench.saved_indexes (name, definition)
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'feed'
  AND i.tablename IN ('employees', 'follows', 'follow_counts', 'groups', 'group_members', 'posts', 'post_tags',
                      'post_reactions', 'timeline_owners', 'timelines')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('feed.%I', i.indexname)::regclass);
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT name FROM feed_bench.saved_indexes LOOP
        EXECUTE format('DROP INDEX feed.%I', r.name);
    END LOOP;
END $$;
SELECT count(*) FROM feed_bench.saved_indexes;
