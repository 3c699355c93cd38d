-- Step 2: :F follows each (kind PERSON), skewed: half the targets uniform, half power-law (n = N * u^3), so the
-- lowest-numbered employees are followed by thousands and the median one by ~70; follow_counts to match.
\set ON_ERROR_STOP on
SET work_mem = '512MB';
CREATE UNLOGGED TABLE feed_bench.fol AS
SELECT follower, target FROM (
    SELECT follower, target, row_number() OVER (PARTITION BY follower ORDER BY hashint4(follower * 31 + target)) AS rn
    FROM (SELECT DISTINCT follower, target FROM (
              SELECT f AS follower,
                     CASE WHEN random() < 0.5 THEN 1 + floor(random() * :N)
                          ELSE 1 + floor(:N * power(random(), 3)) END::int AS target
              FROM generate_series(1, :N) f, generate_series(1, :F * 14 / 10) k) c
          WHERE target <> follower) d) x
WHERE rn <= :F;

INSERT INTO feed.follows (follower_id, kind, target, created_at)
SELECT a.id, 'PERSON', b.id, now() - random() * interval '400 days'
FROM feed_bench.fol f JOIN feed_bench.emp a ON a.n = f.follower JOIN feed_bench.emp b ON b.n = f.target
ORDER BY a.id, b.id;

INSERT INTO feed.follow_counts (employee_id, followers, following)
SELECT e.id, coalesce(ers.c, 0), coalesce(ing.c, 0)
FROM feed_bench.emp e
LEFT JOIN (SELECT target AS n, count(*) AS c FROM feed_bench.fol GROUP BY target) ers ON ers.n = e.n
LEFT JOIN (SELECT follower AS n, count(*) AS c FROM feed_bench.fol GROUP BY follower) ing ON ing.n = e.n;
SELECT count(*) FROM feed_bench.fol;
