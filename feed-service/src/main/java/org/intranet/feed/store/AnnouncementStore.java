package org.intranet.feed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Reach;
import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Audience;

/**
 * Announcement receipts (seen, acknowledged: one row per person, written only as people act) and the questions HR
 * asks of them. Who is in an audience is decided here as the kit's rule decides it for a reader, from the same
 * read-copies: {@code all}, {@code dept:<department>}, {@code loc:<location>} or {@code group:<id>} of a member;
 * so the numbers follow people as they move. The audience's principals are split into those lists in Java, so the
 * database compares plain columns rather than building a principal per employee (half the time at 100k people).
 */
@ApplicationScoped
public class AnnouncementStore {
    /** The audience's active members now; binds everyone, then the departments, locations and groups. */
    private static final String AUDIENCE = """
            audience AS (
                SELECT e.id, e.username, e.display_name, e.email, e.department, e.location FROM employees e
                WHERE e.status = 'ACTIVE' AND (
                    CAST(? AS boolean)
                    OR btrim(e.department) = ANY (CAST(? AS text[]))
                    OR btrim(e.location) = ANY (CAST(? AS text[]))
                    OR e.id IN (SELECT m.employee_id FROM group_members m WHERE m.group_id = ANY (CAST(? AS text[])))))
            """;
    private final Sql sql;

    AnnouncementStore(Sql sql) {
        this.sql = sql;
    }

    /** Someone in the audience who has not acknowledged: what HR needs to follow up. */
    public record Pending(String id, String username, String displayName, String email, String department,
            String location, Instant seenAt) {
    }

    /** Scheduled announcements due by {@code now}, locked for this transaction (replicas skip each other's). */
    public List<UUID> due(Instant now, int batch) {
        return sql.list("""
                SELECT id FROM posts WHERE publish_at <= ? AND deleted_at IS NULL
                ORDER BY publish_at LIMIT ? FOR UPDATE SKIP LOCKED""", rs -> rs.getObject(1, UUID.class), now, batch);
    }

    /** Records that the employee opened it (once; the first time stays). */
    public void seen(UUID postId, String employeeId, Instant at) {
        sql.update("""
                INSERT INTO announcement_receipts (post_id, employee_id, seen_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", postId, employeeId, at);
    }

    /**
     * Records the acknowledgement (which implies seen).
     *
     * @return when it was acknowledged, if this call did it; empty when it already was
     */
    public Optional<Instant> acknowledge(UUID postId, String employeeId, Instant at) {
        return sql.one("""
                INSERT INTO announcement_receipts AS r (post_id, employee_id, seen_at, acknowledged_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (post_id, employee_id) DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at
                    WHERE r.acknowledged_at IS NULL
                RETURNING acknowledged_at""", rs -> Sql.instant(rs, 1), postId, employeeId, at, at);
    }

    /** When the employee acknowledged it, if they did. */
    public Optional<Instant> acknowledgedAt(UUID postId, String employeeId) {
        return sql.one("SELECT acknowledged_at FROM announcement_receipts WHERE post_id = ? AND employee_id = ?",
                rs -> Sql.instant(rs, 1), postId, employeeId).filter(at -> at != null);
    }

    /**
     * Audience, seen and acknowledged per (department, location) in one aggregate; {@link Reach#of} adds them up
     * in all, per department and per location.
     */
    public Reach reach(UUID postId, List<String> audience) {
        List<Object> params = audienceParams(audience);
        params.add(postId);
        return Reach.of(sql.list("WITH " + AUDIENCE + """
                SELECT a.department, a.location, count(*), count(r.seen_at), count(r.acknowledged_at)
                FROM audience a
                LEFT JOIN announcement_receipts r ON r.post_id = ? AND r.employee_id = a.id
                GROUP BY a.department, a.location""",
                rs -> new Reach.Cell(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                params.toArray()));
    }

    /** Up to {@code limit} of the audience who have not acknowledged, by id after {@code afterId} (null: from the start). */
    public List<Pending> pending(UUID postId, List<String> audience, String afterId, int limit) {
        List<Object> params = audienceParams(audience);
        params.add(postId);
        params.add(afterId);
        params.add(afterId);
        params.add(limit);
        return sql.list("WITH " + AUDIENCE + """
                SELECT a.id, a.username, a.display_name, a.email, a.department, a.location, r.seen_at
                FROM audience a LEFT JOIN announcement_receipts r ON r.post_id = ? AND r.employee_id = a.id
                WHERE r.acknowledged_at IS NULL AND (CAST(? AS varchar) IS NULL OR a.id > ?)
                ORDER BY a.id LIMIT ?""",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Sql.instant(rs, 7)), params.toArray());
    }

    private static List<Object> audienceParams(List<String> audience) {
        List<Object> params = new ArrayList<>();
        params.add(audience.contains(Audience.EVERYONE));
        params.add(unprefixed(audience, Audience.department("")));
        params.add(unprefixed(audience, Audience.location("")));
        params.add(unprefixed(audience, Audience.group("")));
        return params;
    }

    private static List<String> unprefixed(List<String> audience, String prefix) {
        return audience.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length())).toList();
    }
}
