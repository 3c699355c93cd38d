-- Step 1: :N employees in the read-copy (status ACTIVE), ids derived from their number so every seed makes the
-- same ones: bench employee n has username bench<n> and id md5('bench-employee-<n>') as a UUID.
\set ON_ERROR_STOP on
CREATE TABLE feed_bench.seed (
    scale numeric NOT NULL, employees int NOT NULL, follows_each int NOT NULL, groups int NOT NULL, posts int NOT NULL,
    reactions int NOT NULL, timeline_size int NOT NULL, fan_out_group_limit int NOT NULL, days int NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz, last_post_at timestamptz);
INSERT INTO feed_bench.seed (scale, employees, follows_each, groups, posts, reactions, timeline_size,
                             fan_out_group_limit, days)
VALUES (:SCALE, :N, :F, :G, :P, :R, :TL, :BIG, :DAYS);

CREATE UNLOGGED TABLE feed_bench.emp (n int PRIMARY KEY, id varchar(128) NOT NULL, username varchar(128) NOT NULL,
                                      department text NOT NULL, location text NOT NULL);
INSERT INTO feed_bench.emp
SELECT n, md5('bench-employee-' || n)::uuid::text, 'bench' || n,
       (ARRAY['Engineering', 'Sales', 'Marketing', 'People', 'Finance', 'Legal', 'IT', 'Operations', 'Support',
              'Product', 'Design', 'Research'])[1 + (hashint4(n) & 2147483647) % 12],
       (ARRAY['Paris', 'Lyon', 'Berlin', 'London', 'Madrid', 'Montreal', 'Singapore', 'Remote'])
           [1 + (hashint4(n + 7) & 2147483647) % 8]
FROM generate_series(1, :N) n;

INSERT INTO feed.employees (id, username, display_name, department, location, status, version, email, title,
                            updated_at)
SELECT e.id, e.username,
       (ARRAY['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Giulia', 'Hugo', 'Inès', 'Jonas', 'Karim', 'Léa',
              'Marta', 'Noah', 'Olga', 'Paul', 'Quentin', 'Rosa', 'Sami', 'Tara'])[1 + e.n % 20] || ' ' ||
       (ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
              'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
              'Müller', 'Schmidt', 'Rossi', 'Smith', 'Tanaka'])[1 + (e.n / 20) % 25] || ' ' || e.n,
       e.department, e.location, 'ACTIVE', 1, e.username || '@bench.intranet.local',
       (ARRAY['Engineer', 'Manager', 'Analyst', 'Designer', 'Consultant', 'Specialist'])[1 + e.n % 6], now()
FROM feed_bench.emp e ORDER BY e.n;
SELECT count(*) FROM feed_bench.emp;
