package org.intranet.feed.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/** Handles to employees, and the handles still waiting for an employee (pending_mentions). */
@ApplicationScoped
public class MentionStore {
    private final Sql sql;

    MentionStore(Sql sql) {
        this.sql = sql;
    }

    /** A handle and the active employee it names. */
    public record Named(String handle, String employeeId) {
    }

    /** What a resolved mention is attached to, with what the event about it needs. */
    public record Target(UUID postId, UUID commentId, String authorId, String body, String groupId,
            List<String> audience, String postAuthorId) {
    }

    /** Active employees whose handle is one of {@code handles} (compared in lower case). */
    public List<Named> activeByHandle(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                SELECT lower(username), id FROM employees
                WHERE lower(username) = ANY (?) AND status = 'ACTIVE' ORDER BY id""",
                rs -> new Named(rs.getString(1), rs.getString(2)), lower(handles));
    }

    public void keepPending(Collection<String> handles, UUID postId, UUID commentId, Instant at) {
        for (String handle : lower(handles)) {
            sql.update("INSERT INTO pending_mentions (handle, post_id, comment_id, created_at) VALUES (?, ?, ?, ?)",
                    handle, postId, commentId, at);
        }
    }

    /** Forgets the pending handles of a post's own text (an edit recomputes them), not those of its comments. */
    public void forgetPendingOfPost(UUID postId) {
        sql.update("DELETE FROM pending_mentions WHERE post_id = ? AND comment_id IS NULL", postId);
    }

    public void forgetPendingOfComment(UUID commentId) {
        sql.update("DELETE FROM pending_mentions WHERE comment_id = ?", commentId);
    }

    /** Where a pending handle was written: a post's text, or a comment's (commentId set). */
    public record Pending(UUID postId, UUID commentId) {
    }

    /** Takes the pending mentions of a handle written since {@code since}: they are being resolved now. */
    public List<Pending> takePending(String handle, Instant since) {
        return sql.list("""
                DELETE FROM pending_mentions WHERE handle = ? AND created_at >= ?
                RETURNING post_id, comment_id""",
                rs -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                handle.toLowerCase(Locale.ROOT), since).stream().distinct().toList();
    }

    /**
     * Adds an employee to the mentions of a post's text, unless it is deleted or already names them.
     *
     * @return the post as the event needs it, empty when nothing changed
     */
    public Optional<Target> addToPost(UUID postId, String employeeId) {
        return sql.one("""
                UPDATE posts SET mentions = array_append(mentions, ?)
                WHERE id = ? AND deleted_at IS NULL AND NOT (? = ANY (mentions))
                RETURNING id, author_id, body, group_id, audience""",
                rs -> new Target(rs.getObject(1, UUID.class), null, rs.getString(2), rs.getString(3),
                        rs.getString(4), Sql.strings(rs.getArray(5)), rs.getString(2)), employeeId, postId,
                employeeId);
    }

    /** The same for a comment's text; the audience is its post's. */
    public Optional<Target> addToComment(UUID commentId, String employeeId) {
        return sql.one("""
                UPDATE comments c SET mentions = array_append(c.mentions, ?)
                FROM posts p
                WHERE c.id = ? AND p.id = c.post_id AND c.deleted_at IS NULL AND p.deleted_at IS NULL
                  AND NOT (? = ANY (c.mentions))
                RETURNING c.post_id, c.id, c.author_id, c.body, p.group_id, p.audience, p.author_id""",
                rs -> new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), Sql.strings(rs.getArray(6)), rs.getString(7)), employeeId,
                commentId, employeeId);
    }

    private static List<String> lower(Collection<String> handles) {
        return handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
