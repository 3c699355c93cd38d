-- pgbench: one reader's home feed page, raw: FeedQueries.home() in its ITEMS wrapper, as feed-service sends it
-- (the same text, the same parameters), from the top: the service's TOP position (top_at 9999-12-31T00.00.00Z,
-- top_id ffffffff-...) and limit 20 reading lim = 21 rows (the extra one tells a next page exists).
-- feed-bench.sh runs one pgbench per reader with their values: owner (employee id), principals (as Readers works
-- them out, a text[]), groups (their groups; only broadcast posts of those are merged); bound as parameters, or
-- written in as constants for the "planned once" variant.
WITH candidates AS (
    (SELECT t.post_id, t.created_at FROM timelines t JOIN posts p ON p.id = t.post_id
     WHERE t.owner_id = :owner
       AND (t.created_at, t.post_id) < (:top_at, :top_id)
       AND p.deleted_at IS NULL AND (p.audience && :principals OR p.author_id = :owner)
     ORDER BY t.created_at DESC, t.post_id DESC LIMIT :lim)
    UNION
    (SELECT b.post_id, b.created_at FROM unnest(CAST(:groups AS text[])) AS g(id)
     CROSS JOIN LATERAL (
         SELECT p.id AS post_id, p.created_at, p.audience, p.author_id FROM posts p
         WHERE p.group_id = g.id AND p.broadcast AND p.deleted_at IS NULL
           AND (p.created_at, p.id) < (:top_at, :top_id)
         ORDER BY p.created_at DESC, p.id DESC LIMIT :lim) b
     WHERE (b.audience && :principals OR b.author_id = :owner))
    ORDER BY created_at DESC, post_id DESC LIMIT :lim)
SELECT p.id, p.kind, p.author_id, e.display_name, e.username, p.body, p.group_id, g.name, CAST(p.links AS text),
       p.mentions, p.hashtags, CAST(p.reaction_counts AS text), r.type, p.comment_count, p.revision,
       p.created_at, p.edited_at
FROM candidates c
JOIN posts p ON p.id = c.post_id
LEFT JOIN employees e ON e.id = p.author_id
LEFT JOIN groups g ON g.id = p.group_id
LEFT JOIN post_reactions r ON r.post_id = p.id AND r.employee_id = :owner
ORDER BY c.created_at DESC, c.post_id DESC;
