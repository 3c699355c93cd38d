package org.intranet.feed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Follow;
import org.intranet.kit.store.Sql;

/** Who follows whom and which topics; follower counts kept in follow_counts. */
@ApplicationScoped
public class FollowStore {
    private final Sql sql;

    FollowStore(Sql sql) {
        this.sql = sql;
    }

    /** @return false when the follow was already there */
    public boolean add(String followerId, String kind, String target, Instant at) {
        boolean added = sql.update("""
                INSERT INTO follows (follower_id, kind, target, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", followerId, kind, target, at) > 0;
        if (added && Follow.PERSON.equals(kind)) {
            count(target, 1, 0);
            count(followerId, 0, 1);
        }
        return added;
    }

    /** @return false when there was no such follow */
    public boolean remove(String followerId, String kind, String target) {
        boolean removed = sql.update("DELETE FROM follows WHERE follower_id = ? AND kind = ? AND target = ?",
                followerId, kind, target) > 0;
        if (removed && Follow.PERSON.equals(kind)) {
            count(target, -1, 0);
            count(followerId, 0, -1);
        }
        return removed;
    }

    private void count(String employeeId, int followers, int following) {
        sql.update("""
                INSERT INTO follow_counts (employee_id, followers, following) VALUES (?, GREATEST(?, 0), GREATEST(?, 0))
                ON CONFLICT (employee_id) DO UPDATE SET followers = follow_counts.followers + ?,
                    following = follow_counts.following + ?""",
                employeeId, followers, following, followers, following);
    }

    /** {followers, following} of a person, and whether the viewer follows them. */
    public Follow.Counts counts(String employeeId, String viewerId) {
        return sql.one("""
                SELECT COALESCE(c.followers, 0), COALESCE(c.following, 0),
                       EXISTS (SELECT 1 FROM follows f
                               WHERE f.follower_id = ? AND f.kind = 'PERSON' AND f.target = me.id)
                FROM (VALUES (CAST(? AS varchar))) AS me(id) LEFT JOIN follow_counts c ON c.employee_id = me.id""",
                rs -> new Follow.Counts(employeeId, rs.getInt(1), rs.getInt(2), rs.getBoolean(3)), viewerId,
                employeeId).orElseThrow();
    }

    /**
     * What someone follows, newest first, with a person's name and handle.
     *
     * @param after (created_at, kind, target) of the last item of the previous page, or null
     */
    public List<Follow> of(String followerId, List<String> after, int limit) {
        List<Object> params = new ArrayList<>(List.of(followerId));
        String from = "";
        if (after != null) {
            from = " AND (f.created_at, f.kind, f.target) < (CAST(? AS timestamptz), ?, ?)";
            params.addAll(after);
        }
        params.add(limit + 1);
        return sql.list("""
                SELECT f.kind, f.target, COALESCE(NULLIF(btrim(e.display_name), ''), e.username), e.username,
                       f.created_at
                FROM follows f LEFT JOIN employees e ON f.kind = 'PERSON' AND e.id = f.target
                WHERE f.follower_id = ?""" + from + " ORDER BY f.created_at DESC, f.kind DESC, f.target DESC LIMIT ?",
                rs -> new Follow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs, 5)), params.toArray());
    }
}
