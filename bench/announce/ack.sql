-- pgbench: one acknowledgement, raw: AnnouncementStore.acknowledge()'s statement for a random (person, announcement)
-- pair of the bench's: :people employees and the announcements listed in the table announce_bench.acked.
\set p random(1, :people)
\set a random(1, :announcements)
INSERT INTO announcement_receipts AS r (post_id, employee_id, seen_at, acknowledged_at)
SELECT post_id, CAST(md5('announce-bench-' || :p) AS uuid)::text, clock_timestamp(), clock_timestamp()
FROM announce_bench.acked WHERE k = :a
ON CONFLICT (post_id, employee_id) DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at
    WHERE r.acknowledged_at IS NULL
RETURNING acknowledged_at;
