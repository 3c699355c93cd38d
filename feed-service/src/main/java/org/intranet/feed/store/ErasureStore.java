package org.intranet.feed.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/**
 * The statements of an erasure (GDPR), in the consumer's transaction. Each one is bounded by the person's id through
 * an index (V6__rows_by_employee, posts_author, follows, group_members_employee).
 */
@ApplicationScoped
public class ErasureStore {
    /** Stands for the erased person where a row must keep an author or an owner. */
    public static final String ERASED = "erased";
    private final Sql sql;

    ErasureStore(Sql sql) {
        this.sql = sql;
    }

    /** Their posts and everything hanging off them, anyone's comments and reactions on them included. */
    public int deletePosts(String employeeId) {
        List<String> posts = sql.list("SELECT CAST(id AS text) FROM posts WHERE author_id = ?", rs -> rs.getString(1),
                employeeId);
        if (posts.isEmpty()) {
            return 0;
        }
        Object[] ids = {posts};
        for (String statement : List.of(
                """
                DELETE FROM comment_reactions
                WHERE comment_id IN (SELECT id FROM comments WHERE post_id = ANY (CAST(? AS uuid[])))""",
                // replies first: a reply references its top-level comment
                "DELETE FROM comments WHERE post_id = ANY (CAST(? AS uuid[])) AND parent_id IS NOT NULL",
                "DELETE FROM comments WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM post_reactions WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM post_revisions WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM post_tags WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM pending_mentions WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM timelines WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM recognitions WHERE post_id = ANY (CAST(? AS uuid[]))",
                "DELETE FROM announcement_receipts WHERE post_id = ANY (CAST(? AS uuid[]))")) {
            sql.update(statement, ids);
        }
        return sql.update("DELETE FROM posts WHERE id = ANY (CAST(? AS uuid[]))", ids);
    }

    /**
     * Their comments on others' posts: the text and the mentions go, the row stays as a deleted comment (author
     * {@value #ERASED}), and the replies to them go the way a deleted comment's replies go (hidden with it). Comment
     * and reply counts drop by what left the conversation.
     */
    public int anonymiseComments(String employeeId) {
        sql.update("""
                UPDATE posts p SET comment_count = greatest(0, p.comment_count - c.n)
                FROM (SELECT post_id, count(*) AS n FROM comments
                      WHERE deleted_at IS NULL AND (author_id = ? OR parent_id IN (
                          SELECT id FROM comments WHERE author_id = ? AND deleted_at IS NULL AND parent_id IS NULL))
                      GROUP BY post_id) c
                WHERE p.id = c.post_id""", employeeId, employeeId);
        sql.update("""
                UPDATE comments p SET reply_count = greatest(0, p.reply_count - c.n)
                FROM (SELECT parent_id, count(*) AS n FROM comments
                      WHERE author_id = ? AND deleted_at IS NULL AND parent_id IS NOT NULL GROUP BY parent_id) c
                WHERE p.id = c.parent_id""", employeeId);
        sql.update("""
                UPDATE comments SET deleted_at = now(), deleted_by = ?
                WHERE deleted_at IS NULL AND parent_id IN (SELECT id FROM comments WHERE author_id = ?)""",
                ERASED, employeeId);
        sql.update("DELETE FROM comment_reactions WHERE comment_id IN (SELECT id FROM comments WHERE author_id = ?)",
                employeeId);
        return sql.update("""
                UPDATE comments SET author_id = ?, body = '', mentions = '{}', reaction_counts = '{}',
                    deleted_at = COALESCE(deleted_at, now()), deleted_by = COALESCE(deleted_by, ?)
                WHERE author_id = ?""", ERASED, ERASED, employeeId);
    }

    /** Their reactions on others' posts and comments, with the counts recomputed from what is left. */
    public int deleteReactions(String employeeId) {
        List<String> posts = sql.list("DELETE FROM post_reactions WHERE employee_id = ? RETURNING CAST(post_id AS text)",
                rs -> rs.getString(1), employeeId);
        if (!posts.isEmpty()) {
            sql.update("""
                    UPDATE posts p SET
                        reaction_counts = COALESCE((SELECT jsonb_object_agg(t.type, t.n) FROM (
                            SELECT type, count(*) AS n FROM post_reactions r WHERE r.post_id = p.id GROUP BY type) t),
                            '{}'),
                        reaction_count = (SELECT count(*) FROM post_reactions r WHERE r.post_id = p.id)
                    WHERE p.id = ANY (CAST(? AS uuid[]))""", posts);
        }
        List<String> comments = sql.list(
                "DELETE FROM comment_reactions WHERE employee_id = ? RETURNING CAST(comment_id AS text)",
                rs -> rs.getString(1), employeeId);
        if (!comments.isEmpty()) {
            sql.update("""
                    UPDATE comments c SET reaction_counts = COALESCE((SELECT jsonb_object_agg(t.type, t.n) FROM (
                        SELECT type, count(*) AS n FROM comment_reactions r WHERE r.comment_id = c.id GROUP BY type) t),
                        '{}')
                    WHERE c.id = ANY (CAST(? AS uuid[]))""", comments);
        }
        return posts.size() + comments.size();
    }

    /** Follows both ways, with the counts of the people on the other end; their follow counts and timeline. */
    public void deleteFollowsAndTimeline(String employeeId) {
        List<String> followed = sql.list(
                "DELETE FROM follows WHERE follower_id = ? RETURNING CASE WHEN kind = 'PERSON' THEN target END",
                rs -> rs.getString(1), employeeId);
        List<String> followers = sql.list(
                "DELETE FROM follows WHERE kind = 'PERSON' AND target = ? RETURNING follower_id",
                rs -> rs.getString(1), employeeId);
        sql.update("UPDATE follow_counts SET followers = greatest(0, followers - 1) WHERE employee_id = ANY (?)",
                followed.stream().filter(id -> id != null).toList());
        sql.update("UPDATE follow_counts SET following = greatest(0, following - 1) WHERE employee_id = ANY (?)",
                followers);
        sql.update("DELETE FROM follow_counts WHERE employee_id = ?", employeeId);
        sql.update("DELETE FROM timelines WHERE owner_id = ?", employeeId);
        sql.update("DELETE FROM timeline_owners WHERE owner_id = ?", employeeId);
    }

    /** Their memberships (member counts follow); groups they own keep going, owned by nobody until an admin acts. */
    public void leaveGroups(String employeeId) {
        List<String> groups = sql.list("DELETE FROM group_members WHERE employee_id = ? RETURNING group_id",
                rs -> rs.getString(1), employeeId);
        sql.update("UPDATE groups SET member_count = greatest(0, member_count - 1) WHERE id = ANY (?)", groups);
        sql.update("UPDATE groups SET owner_id = ? WHERE owner_id = ?", ERASED, employeeId);
    }

    /**
     * Where others named them: mentions and recognitions of them are dropped (the text keeps the words, which no
     * longer link to anyone), their receipts go.
     */
    public void forgetMentionsAndReceipts(String employeeId) {
        sql.update("UPDATE posts SET mentions = array_remove(mentions, ?) WHERE mentions @> ARRAY[CAST(? AS text)]",
                employeeId, employeeId);
        sql.update("UPDATE comments SET mentions = array_remove(mentions, ?) WHERE mentions @> ARRAY[CAST(? AS text)]",
                employeeId, employeeId);
        sql.update("""
                UPDATE posts SET recipients = array_remove(recipients, CAST(? AS varchar))
                WHERE recipients @> ARRAY[CAST(? AS varchar)]""", employeeId, employeeId);
        sql.update("DELETE FROM recognitions WHERE recipient_id = ? OR giver_id = ?", employeeId, employeeId);
        sql.update("DELETE FROM announcement_receipts WHERE employee_id = ?", employeeId);
        // where they moderated (an admin, a group owner), the deletion stays and its author does not
        sql.update("UPDATE posts SET deleted_by = ? WHERE deleted_by = ?", ERASED, employeeId);
        sql.update("UPDATE comments SET deleted_by = ? WHERE deleted_by = ?", ERASED, employeeId);
    }
}
