-- The bench's users: :READERS readers spread over the employees (they read the feeds) and :AUTHORS authors with
-- about 100 followers (they post), each with what the pgbench scripts need. feed-bench.sh makes them Keycloak
-- users with these ids, so the token's sub is the seeded employee.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS feed_bench.readers, feed_bench.authors;
CREATE TABLE feed_bench.readers AS
SELECT k, e.id, e.username, e.department, e.location,
       ARRAY['all', 'user:' || e.id, 'dept:' || e.department, 'loc:' || e.location]
           || ARRAY(SELECT 'group:' || m.group_id FROM feed.group_members m WHERE m.employee_id = e.id) AS principals,
       ARRAY(SELECT m.group_id::text FROM feed.group_members m WHERE m.employee_id = e.id) AS groups
FROM generate_series(1, :READERS) k
JOIN feed_bench.emp b ON b.n = 1 + (k * 7919 + 13) % (SELECT count(*) FROM feed_bench.emp)
JOIN feed.employees e ON e.id = b.id;
CREATE TABLE feed_bench.authors AS
SELECT row_number() OVER (ORDER BY abs(c.followers - 100), b.n)::int AS k, e.id, e.username, e.department,
       e.location, c.followers
FROM feed.follow_counts c JOIN feed_bench.emp b ON b.id = c.employee_id JOIN feed.employees e ON e.id = b.id
WHERE c.employee_id NOT IN (SELECT id FROM feed_bench.readers)
ORDER BY abs(c.followers - 100), b.n
LIMIT :AUTHORS;
SELECT count(*) FROM feed_bench.readers;
