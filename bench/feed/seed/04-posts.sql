-- Step 4: :P posts over the last :DAYS days. 70% company-wide (no group, audience {all}); 30% in a group, written
-- by one of its members (a membership drawn at random, so big groups get more posts), audience {all,group:<id>} in
-- a public group and {group:<id>} in a private one, broadcast when the group has more than :BIG members (the
-- fan-out limit). Company-wide authors are skewed too (n = N * u^1.5: the most followed also write the most).
-- One post in ten carries one or two hashtags (with their post_tags rows). The reactions (next step) are drawn
-- here first so each post's reaction_counts and reaction_count are written with it.
\set ON_ERROR_STOP on
SET work_mem = '512MB';
CREATE UNLOGGED TABLE feed_bench.post AS
SELECT s.i, md5('bench-post-' || s.i)::uuid AS id,
       CASE WHEN s.company THEN s.author ELSE m.n END AS author, CASE WHEN s.company THEN NULL ELSE m.g END AS g,
       s.created_at,
       CASE WHEN s.tagged = 0 THEN '{}'::text[]
            WHEN s.tagged = 1 THEN ARRAY[s.tag1]
            ELSE ARRAY(SELECT DISTINCT unnest(ARRAY[s.tag1, s.tag2])) END AS tags,
       s.body
FROM (SELECT i, random() < 0.7 AS company,
             (1 + floor(:N * power(random(), 1.5)))::int AS author,
             (1 + floor((SELECT count(*) FROM feed_bench.mem) * random()))::int AS k,
             now() - random() * (:DAYS * interval '1 day') AS created_at,
             CASE WHEN random() < 0.9 THEN 0 WHEN random() < 0.7 THEN 1 ELSE 2 END AS tagged,
             (ARRAY['launch', 'hiring', 'kudos', 'security', 'release', 'offsite', 'wellbeing', 'customer', 'ai',
                    'roadmap', 'quarterly', 'diversity', 'green', 'devops', 'design', 'sales', 'support', 'data',
                    'mobile', 'cloud', 'events', 'learning', 'benefits', 'paris', 'berlin', 'london', 'remote',
                    'volunteering', 'townhall', 'onboarding'])[1 + floor(30 * power(random(), 2))::int] AS tag1,
             (ARRAY['launch', 'hiring', 'kudos', 'security', 'release', 'offsite', 'wellbeing', 'customer', 'ai',
                    'roadmap'])[1 + floor(10 * random())::int] AS tag2,
             (ARRAY['Shipped the new onboarding flow today, thanks to everyone who tested it.',
                    'Reminder: the quarterly town hall starts at 3pm, questions welcome in the thread.',
                    'Great customer visit in the morning; notes and next steps are in the shared folder.',
                    'We are hiring two backend engineers, referrals very welcome.',
                    'The office will be closed on Friday for maintenance of the heating system.',
                    'Lessons learned from last week''s incident: write-up and follow-up actions inside.',
                    'Kudos to the support team for closing the backlog before the holidays!',
                    'New design system components are available; migration guide linked below.'])
                 [1 + (i % 8)] || ' ' ||
             (ARRAY['', 'Happy to answer questions here or in DM.', 'More details next week.',
                    'Slides from the session are attached in the wiki.', 'Feedback welcome, as always.'])
                 [1 + (i / 8) % 5] AS body
      FROM generate_series(1, :P) i) s
LEFT JOIN feed_bench.mem m ON NOT s.company AND m.k = s.k;
ALTER TABLE feed_bench.post ADD PRIMARY KEY (i);

-- reactions: one per person per post, :R in all, on posts drawn with a skew (i = P * u^2: some posts get
-- hundreds), by people drawn uniformly
CREATE UNLOGGED TABLE feed_bench.rx AS
SELECT i, n, (ARRAY['LIKE', 'LIKE', 'LIKE', 'LIKE', 'LIKE', 'LIKE', 'CELEBRATE', 'CELEBRATE', 'SUPPORT',
                    'INSIGHTFUL', 'FUNNY'])[1 + floor(11 * random())::int] AS type
FROM (SELECT DISTINCT (1 + floor(:P * power(random(), 2)))::int AS i, (1 + floor(:N * random()))::int AS n
      FROM generate_series(1, :R + :R / 50)) d
LIMIT :R;

INSERT INTO feed.posts (id, author_id, kind, body, group_id, audience, mentions, hashtags, comment_count,
                        reaction_count, created_at, updated_at, links, reaction_counts, revision, broadcast)
SELECT p.id, e.id, 'UPDATE',
       p.body || CASE WHEN cardinality(p.tags) > 0 THEN ' #' || array_to_string(p.tags, ' #') ELSE '' END,
       g.id,
       CASE WHEN g.g IS NULL THEN ARRAY['all']
            WHEN g.visibility = 'PUBLIC' THEN ARRAY['all', 'group:' || g.id]
            ELSE ARRAY['group:' || g.id] END,
       '{}', p.tags, 0, coalesce(c.total, 0), p.created_at, p.created_at, '[]', coalesce(c.counts, '{}'), 1,
       coalesce(g.size > :BIG, false)
FROM feed_bench.post p
JOIN feed_bench.emp e ON e.n = p.author
LEFT JOIN feed_bench.grp g ON g.g = p.g
LEFT JOIN (SELECT i, jsonb_object_agg(type, c) AS counts, sum(c)::int AS total
           FROM (SELECT i, type, count(*) AS c FROM feed_bench.rx GROUP BY i, type) t GROUP BY i) c ON c.i = p.i
ORDER BY p.created_at;

INSERT INTO feed.post_tags (tag, created_at, post_id)
SELECT DISTINCT t.tag, p.created_at, p.id FROM feed_bench.post p CROSS JOIN LATERAL unnest(p.tags) AS t(tag);
SELECT count(*) FROM feed_bench.post;
