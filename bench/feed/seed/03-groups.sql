-- Step 3: :G groups of 20 to 2,000 members (size 20 + 1980 * x^6 along the groups, so ~11% have more than 1,000
-- members: their posts are broadcast, merged into home feeds at read), one in three PRIVATE; the first member is
-- the OWNER.
\set ON_ERROR_STOP on
CREATE UNLOGGED TABLE feed_bench.grp AS
SELECT g, md5('bench-group-' || g)::uuid::text AS id,
       least(round(20 + 1980 * power((:G - g)::numeric / greatest(:G - 1, 1), 6)), :N * 9 / 10)::int AS size,
       CASE WHEN hashint4(g) % 3 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END AS visibility
FROM generate_series(1, :G) g;
ALTER TABLE feed_bench.grp ADD PRIMARY KEY (g);

-- memberships, numbered (k) so posts can pick one at random: a group's posts come from its members
CREATE UNLOGGED TABLE feed_bench.mem AS
SELECT row_number() OVER (ORDER BY g.g, m.rn)::int AS k, g.g, m.n, m.rn = 1 AS owner
FROM feed_bench.grp g
CROSS JOIN LATERAL (SELECT e.n, row_number() OVER (ORDER BY random()) AS rn
                    FROM feed_bench.emp e ORDER BY random() LIMIT g.size) m;
ALTER TABLE feed_bench.mem ADD PRIMARY KEY (k);
CREATE INDEX ON feed_bench.mem (g, n);

INSERT INTO feed.groups (id, name, description, visibility, owner_id, created_at, member_count, version, updated_at)
SELECT g.id,
       (ARRAY['Product launches', 'Paris office', 'Running club', 'Java guild', 'Design crit', 'Sales wins',
              'Onboarding', 'Green team', 'Data & analytics', 'Support heroes'])[1 + g.g % 10] || ' ' || g.g,
       'Bench group ' || g.g || ' (' || g.size || ' members)', g.visibility, o.id,
       now() - interval '400 days', g.size, 1, now() - interval '400 days'
FROM feed_bench.grp g JOIN feed_bench.mem m ON m.g = g.g AND m.owner JOIN feed_bench.emp o ON o.n = m.n
ORDER BY g.g;

INSERT INTO feed.group_members (group_id, employee_id, joined_at, role)
SELECT g.id, e.id, now() - interval '400 days' + random() * interval '300 days',
       CASE WHEN m.owner THEN 'OWNER' ELSE 'MEMBER' END
FROM feed_bench.mem m JOIN feed_bench.grp g ON g.g = m.g JOIN feed_bench.emp e ON e.n = m.n
ORDER BY g.id, e.id;
SELECT count(*) FROM feed_bench.mem;
