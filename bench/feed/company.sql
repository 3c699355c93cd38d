-- pgbench: the company feed page, raw: FeedQueries.company() (postsWhere with p.group_id IS NULL) in its ITEMS
-- wrapper, as feed-service sends it, from the top, lim = 21. Per reader: owner, principals (see home.sql).
WITH candidates AS (
    SELECT p.id AS post_id, p.created_at FROM posts p
    WHERE p.group_id IS NULL
      AND (p.created_at, p.id) < (:top_at, :top_id)
      AND p.deleted_at IS NULL AND (p.audience && :principals OR p.author_id = :owner)
    ORDER BY p.created_at DESC, p.id DESC LIMIT :lim)
SELECT p.id, p.kind, p.author_id, e.display_name, e.username, p.body, p.group_id, g.name, CAST(p.links AS text),
       p.mentions, p.hashtags, CAST(p.reaction_counts AS text), r.type, p.comment_count, p.revision,
       p.created_at, p.edited_at
FROM candidates c
JOIN posts p ON p.id = c.post_id
LEFT JOIN employees e ON e.id = p.author_id
LEFT JOIN groups g ON g.id = p.group_id
LEFT JOIN post_reactions r ON r.post_id = p.id AND r.employee_id = :owner
ORDER BY c.created_at DESC, c.post_id DESC;
