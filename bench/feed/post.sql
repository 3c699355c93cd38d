-- pgbench: publishing a company-wide post and fanning it out, raw, in one statement: the INSERT of the post, then
-- TimelineStore.fanOut()'s INSERT ... SELECT into the timelines of its author and their followers (those whose
-- timeline exists). Per author (bench authors have ~100 followers): author. feed-bench.sh deletes the posts newer
-- than the seed's after each run.
WITH p AS (
    INSERT INTO posts (id, author_id, kind, body, group_id, audience, mentions, hashtags, created_at, updated_at)
    VALUES (gen_random_uuid(), :author, 'UPDATE', 'Bench raw post: the weekly update, details inside.', NULL,
            ARRAY['all'], '{}', '{}', clock_timestamp(), clock_timestamp())
    RETURNING id, created_at, group_id, author_id)
INSERT INTO timelines (owner_id, created_at, group_id, post_id, author_id)
SELECT o.owner_id, p.created_at, p.group_id, p.id, p.author_id FROM p, timeline_owners o
WHERE o.owner_id IN (SELECT CAST(:author AS varchar)
                     UNION SELECT follower_id FROM follows WHERE kind = 'PERSON' AND target = :author)
ON CONFLICT DO NOTHING;
