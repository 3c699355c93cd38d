-- Step 6: every employee's materialised home timeline, as fan-out on write would have left it: the newest :TL
-- posts among their own, their groups' (members only; never broadcast ones, those are merged at read) and those of
-- the people they follow (outside groups, or in public groups), the sources and rule of TimelineStore.build.
-- Computed in passes over growing windows (7, 21, 45 days, then everything): an owner whose window already holds
-- :TL candidates is complete; the others are redone with the next, wider window.
\set ON_ERROR_STOP on
SET work_mem = '1GB';
CREATE UNLOGGED TABLE feed_bench.src AS
SELECT p.i, p.id, p.author, p.g, coalesce(g.visibility = 'PRIVATE', false) AS private, p.created_at
FROM feed_bench.post p LEFT JOIN feed_bench.grp g ON g.g = p.g
WHERE NOT coalesce(g.size > :BIG, false);
CREATE UNLOGGED TABLE feed_bench.tl (owner int NOT NULL, created_at timestamptz NOT NULL, id uuid NOT NULL,
                                     author int NOT NULL, g int);
CREATE UNLOGGED TABLE feed_bench.todo AS SELECT n AS owner FROM feed_bench.emp;
ALTER TABLE feed_bench.todo ADD PRIMARY KEY (owner);
ANALYZE feed_bench.src, feed_bench.todo, feed_bench.fol, feed_bench.mem;
SELECT set_config('feed_bench.keep', :'TL', false);  -- psql variables do not reach into the block below

DO $$
DECLARE
    days int;
    lo timestamptz;
    done int;
    keep int := current_setting('feed_bench.keep')::int;
BEGIN
    FOREACH days IN ARRAY ARRAY[7, 21, 45, 1000000] LOOP
        lo := now() - days * interval '1 day';
        INSERT INTO feed_bench.tl (owner, created_at, id, author, g)
        SELECT owner, created_at, id, author, g FROM (
            SELECT c.*, row_number() OVER (PARTITION BY c.owner ORDER BY c.created_at DESC, c.id DESC) AS rn
            FROM (SELECT p.author AS owner, p.created_at, p.id, p.author, p.g
                  FROM feed_bench.src p JOIN feed_bench.todo t ON t.owner = p.author
                  WHERE p.created_at >= lo
                  UNION ALL
                  SELECT m.n, p.created_at, p.id, p.author, p.g
                  FROM feed_bench.src p JOIN feed_bench.mem m ON m.g = p.g JOIN feed_bench.todo t ON t.owner = m.n
                  WHERE p.created_at >= lo AND m.n <> p.author
                  UNION ALL
                  SELECT f.follower, p.created_at, p.id, p.author, p.g
                  FROM feed_bench.src p JOIN feed_bench.fol f ON f.target = p.author
                  JOIN feed_bench.todo t ON t.owner = f.follower
                  WHERE p.created_at >= lo
                    AND (p.g IS NULL OR (NOT p.private AND NOT EXISTS (
                             SELECT 1 FROM feed_bench.mem m WHERE m.g = p.g AND m.n = f.follower)))) c) x
        WHERE rn <= keep;
        WITH complete AS (SELECT owner FROM feed_bench.tl WHERE owner IN (SELECT owner FROM feed_bench.todo)
                          GROUP BY owner HAVING count(*) >= keep)
        DELETE FROM feed_bench.todo t USING complete c WHERE t.owner = c.owner;
        GET DIAGNOSTICS done = ROW_COUNT;
        RAISE NOTICE 'timelines: window of % days: % owners complete, % left', least(days, 99999), done,
            (SELECT count(*) FROM feed_bench.todo);
        EXIT WHEN days = 1000000 OR NOT EXISTS (SELECT 1 FROM feed_bench.todo);
        DELETE FROM feed_bench.tl t USING feed_bench.todo o WHERE t.owner = o.owner;
    END LOOP;
END $$;

INSERT INTO feed.timelines (owner_id, created_at, post_id, author_id, group_id)
SELECT o.id, t.created_at, t.id, a.id, g.id
FROM feed_bench.tl t JOIN feed_bench.emp o ON o.n = t.owner JOIN feed_bench.emp a ON a.n = t.author
LEFT JOIN feed_bench.grp g ON g.g = t.g
ORDER BY o.id, t.created_at, t.id;

INSERT INTO feed.timeline_owners (owner_id, built_at, read_at, trimmed_at)
SELECT id, now(), now(), now() FROM feed_bench.emp ORDER BY id;
SELECT count(*) FROM feed_bench.tl;
