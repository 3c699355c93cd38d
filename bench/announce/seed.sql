-- The announcement bench's people (bench/announce-bench.sh): :n active employees in feed-service's read-copy, as
-- profile events would leave them, spread over 20 departments ("Bench Dept 00".."19") and 10 locations ("Bench Site
-- 0".."9"). Ids are derived from the number, so a second run finds the same people; existing rows are kept.
CREATE SCHEMA IF NOT EXISTS announce_bench;
INSERT INTO feed.employees (id, username, display_name, email, title, department, location, skills, status, version)
SELECT CAST(md5('announce-bench-' || i) AS uuid)::text, 'annb' || i, 'Bench Person ' || i,
       'annb' || i || '@bench.intranet.local', 'Bench', 'Bench Dept ' || lpad((i % 20)::text, 2, '0'),
       'Bench Site ' || (i % 10), '{}', 'ACTIVE', 1
FROM generate_series(1, :n) AS i
ON CONFLICT (id) DO NOTHING;
ANALYZE feed.employees;
