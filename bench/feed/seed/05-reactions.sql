-- Step 5: the reactions drawn in step 4, one per person per post, shortly after the post.
\set ON_ERROR_STOP on
SET work_mem = '512MB';
INSERT INTO feed.post_reactions (post_id, employee_id, type, reacted_at)
SELECT p.id, e.id, r.type, least(p.created_at + random() * interval '2 days', now())
FROM feed_bench.rx r JOIN feed_bench.post p ON p.i = r.i JOIN feed_bench.emp e ON e.n = r.n
ORDER BY p.id, e.id;
SELECT count(*) FROM feed_bench.rx;
