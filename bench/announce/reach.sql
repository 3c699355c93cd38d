-- pgbench: an announcement's reach, raw: AnnouncementStore.reach()'s statement, its audience (:audience, a text[])
-- and post (:post) bound as feed-service binds them.
WITH audience AS (
    SELECT e.id, e.username, e.display_name, e.email, e.department, e.location FROM employees e
    WHERE e.status <> 'LEFT' AND (
        'all' = ANY (CAST(:audience AS text[]))
        OR ('dept:' || btrim(e.department)) = ANY (CAST(:audience AS text[]))
        OR ('loc:' || btrim(e.location)) = ANY (CAST(:audience AS text[]))
        OR EXISTS (SELECT 1 FROM group_members m WHERE m.employee_id = e.id
                   AND ('group:' || m.group_id) = ANY (CAST(:audience AS text[])))))
SELECT GROUPING(a.department), GROUPING(a.location), a.department, a.location,
       count(*), count(r.seen_at), count(r.acknowledged_at)
FROM audience a LEFT JOIN announcement_receipts r ON r.post_id = CAST(:post AS uuid) AND r.employee_id = a.id
GROUP BY GROUPING SETS ((), (a.department), (a.location))
ORDER BY 1, 2, count(*) DESC, 3, 4;
