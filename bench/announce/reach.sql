-- pgbench: an announcement's reach, raw: AnnouncementStore.reach()'s statement, bound as feed-service binds it:
-- :everyone (boolean), the audience's :depts, :locs and :groups (text[]) and the :post.
WITH audience AS (
    SELECT e.id, e.username, e.display_name, e.email, e.department, e.location FROM employees e
    WHERE e.status = 'ACTIVE' AND (
        CAST(:everyone AS boolean)
        OR btrim(e.department) = ANY (CAST(:depts AS text[]))
        OR btrim(e.location) = ANY (CAST(:locs AS text[]))
        OR e.id IN (SELECT m.employee_id FROM group_members m WHERE m.group_id = ANY (CAST(:groups AS text[])))))
SELECT a.department, a.location, count(*), count(r.seen_at), count(r.acknowledged_at)
FROM audience a
LEFT JOIN announcement_receipts r ON r.post_id = CAST(:post AS uuid) AND r.employee_id = a.id
GROUP BY a.department, a.location;
