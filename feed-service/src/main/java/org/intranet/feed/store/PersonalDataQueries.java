package org.intranet.feed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.PersonalData;
import org.intranet.kit.store.Sql;

/** One employee's own rows in every feed table, for their GDPR export; each read uses its table's index. */
@ApplicationScoped
public class PersonalDataQueries {
    private final Sql sql;

    PersonalDataQueries(Sql sql) {
        this.sql = sql;
    }

    public PersonalData of(String me, Instant at) {
        return new PersonalData("feed-service", me, at,
                sql.list("""
                        SELECT id, kind, body, group_id, audience, created_at, edited_at, deleted_at FROM posts
                        WHERE author_id = ? ORDER BY created_at, id""",
                        rs -> new PersonalData.PostRow(uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Sql.strings(rs.getArray(5)), Sql.instant(rs, 6), Sql.instant(rs, 7),
                                Sql.instant(rs, 8)), me),
                sql.list("""
                        SELECT post_id, revision, body, written_at FROM post_revisions WHERE written_by = ?
                        ORDER BY written_at, post_id, revision""",
                        rs -> new PersonalData.Revision(uuid(rs, 1), rs.getInt(2), rs.getString(3),
                                Sql.instant(rs, 4)), me),
                sql.list("""
                        SELECT id, post_id, parent_id, body, created_at, edited_at, deleted_at FROM comments
                        WHERE author_id = ? ORDER BY created_at, id""",
                        rs -> new PersonalData.CommentRow(uuid(rs, 1), uuid(rs, 2), uuid(rs, 3), rs.getString(4),
                                Sql.instant(rs, 5), Sql.instant(rs, 6), Sql.instant(rs, 7)), me),
                sql.list("""
                        SELECT post_id, NULL::uuid, type, reacted_at FROM post_reactions WHERE employee_id = ?
                        UNION ALL
                        SELECT c.post_id, r.comment_id, r.type, r.reacted_at FROM comment_reactions r
                        JOIN comments c ON c.id = r.comment_id WHERE r.employee_id = ?
                        ORDER BY 4""",
                        rs -> new PersonalData.Reaction(uuid(rs, 1), uuid(rs, 2), rs.getString(3), Sql.instant(rs, 4)),
                        me, me),
                sql.list("SELECT kind, target, created_at FROM follows WHERE follower_id = ? ORDER BY created_at",
                        rs -> new PersonalData.Follow(rs.getString(1), rs.getString(2), Sql.instant(rs, 3)), me),
                sql.list("""
                        SELECT m.group_id, g.name, m.role, m.joined_at FROM group_members m
                        JOIN groups g ON g.id = m.group_id WHERE m.employee_id = ? ORDER BY m.joined_at""",
                        rs -> new PersonalData.Membership(rs.getString(1), rs.getString(2), rs.getString(3),
                                Sql.instant(rs, 4)), me),
                recognitions("giver_id", me),
                recognitions("recipient_id", me),
                sql.list("""
                        SELECT post_id, seen_at, acknowledged_at FROM announcement_receipts WHERE employee_id = ?
                        ORDER BY seen_at""",
                        rs -> new PersonalData.Receipt(uuid(rs, 1), Sql.instant(rs, 2), Sql.instant(rs, 3)), me));
    }

    private List<PersonalData.Recognition> recognitions(String column, String me) {
        // column is one of two constants, never input
        return sql.list("SELECT post_id, giver_id, recipient_id, value, given_at FROM recognitions WHERE " + column
                + " = ? ORDER BY given_at", rs -> new PersonalData.Recognition(uuid(rs, 1), rs.getString(2),
                        rs.getString(3), rs.getString(4), Sql.instant(rs, 5)), me);
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
