package org.intranet.feed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Comment;
import org.intranet.kit.paging.Position;
import org.intranet.kit.store.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Comments, and the counters they keep: {@code posts.comment_count} (live comments and replies of a post) and
 * {@code comments.reply_count} (live replies of a top-level comment). Writers lock the post row first, so the
 * counters of one post change one transaction at a time.
 */
@ApplicationScoped
public class CommentStore {
    private static final String VIEW = """
            SELECT c.id, c.post_id, c.parent_id, c.author_id, COALESCE(NULLIF(btrim(e.display_name), ''), e.username),
                   e.username, c.body, c.mentions, c.reaction_counts::text, r.type, c.reply_count, c.created_at,
                   c.edited_at
            FROM comments c
            LEFT JOIN employees e ON e.id = c.author_id
            LEFT JOIN comment_reactions r ON r.comment_id = c.id AND r.employee_id = ?
            """;
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    CommentStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A live comment as its writers need it, with the author of the comment it replies to (for the event). */
    public record Locked(UUID id, UUID postId, UUID parentId, String authorId, String parentAuthorId, String body,
            List<String> mentions) {
        public boolean isReply() {
            return parentId != null;
        }
    }

    /**
     * Locks a live post's row for this transaction (no key change, so new comments and reactions keep referencing
     * it): every comment write of a post goes through here first.
     *
     * @return false when the post does not exist or is deleted
     */
    public boolean lockPost(UUID postId) {
        return sql.one("SELECT 1 FROM posts WHERE id = ? AND deleted_at IS NULL FOR NO KEY UPDATE", rs -> true, postId)
                .isPresent();
    }

    /** Locks a live comment of this post; empty when it is missing, deleted or another post's. */
    public Optional<Locked> lock(UUID postId, UUID commentId) {
        return sql.one("""
                SELECT c.id, c.post_id, c.parent_id, c.author_id,
                       (SELECT p.author_id FROM comments p WHERE p.id = c.parent_id), c.body, c.mentions
                FROM comments c
                WHERE c.id = ? AND c.post_id = ? AND c.deleted_at IS NULL
                FOR NO KEY UPDATE OF c""", CommentStore::locked, commentId, postId);
    }

    public void insert(UUID id, UUID postId, UUID parentId, String authorId, String body, List<String> mentions,
            Instant at) {
        sql.update("""
                INSERT INTO comments (id, post_id, parent_id, author_id, body, mentions, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, postId, parentId, authorId, body, mentions, at);
    }

    public void edit(UUID id, String body, List<String> mentions, Instant at) {
        sql.update("UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?", body, mentions, at, id);
    }

    public void delete(UUID id, String by, Instant at) {
        sql.update("UPDATE comments SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL", at, by,
                id);
    }

    /** Soft-deletes the live replies of a top-level comment; @return the replies deleted now */
    public List<Locked> deleteReplies(UUID postId, UUID parentId, String by, Instant at) {
        return sql.list("""
                UPDATE comments c SET deleted_at = ?, deleted_by = ?
                WHERE c.post_id = ? AND c.parent_id = ? AND c.deleted_at IS NULL
                RETURNING c.id, c.post_id, c.parent_id, c.author_id,
                          (SELECT p.author_id FROM comments p WHERE p.id = c.parent_id), c.body, c.mentions""",
                CommentStore::locked, at, by, postId, parentId);
    }

    public void countReplies(UUID parentId, int delta) {
        sql.update("UPDATE comments SET reply_count = reply_count + ? WHERE id = ?", delta, parentId);
    }

    public void countOnPost(UUID postId, int delta) {
        sql.update("UPDATE posts SET comment_count = comment_count + ? WHERE id = ?", delta, postId);
    }

    /** A live comment of this post, with the reader's own reaction. */
    public Optional<Comment> find(String readerId, UUID postId, UUID id) {
        return sql.one(VIEW + "WHERE c.id = ? AND c.post_id = ? AND c.deleted_at IS NULL", this::comment, readerId,
                id, postId);
    }

    /**
     * Live comments of a thread, oldest first (newest last, as a conversation reads): the post's top-level comments
     * when {@code parentId} is null, else that comment's replies. Walks the comments_thread index from the cursor.
     */
    public List<Comment> thread(String readerId, UUID postId, UUID parentId, Position after, int limit) {
        List<Object> params = new ArrayList<>(List.of(readerId, postId));
        StringBuilder where = new StringBuilder("WHERE c.post_id = ? AND c.deleted_at IS NULL");
        if (parentId == null) {
            where.append(" AND c.parent_id IS NULL");
        } else {
            where.append(" AND c.parent_id = ?");
            params.add(parentId);
        }
        if (after != null) {
            // ascending (created_at, id): the id breaks ties so nothing is skipped or repeated across pages
            where.append(" AND (c.created_at, c.id) > (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        params.add(limit);
        return sql.list(VIEW + where + " ORDER BY c.created_at, c.id LIMIT ?", this::comment, params.toArray());
    }

    private static Locked locked(ResultSet rs) throws SQLException {
        return new Locked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), Sql.strings(rs.getArray(7)));
    }

    private Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Sql.strings(rs.getArray(8)),
                counts(rs.getString(9)), rs.getString(10), rs.getInt(11), Sql.instant(rs, 12), Sql.instant(rs, 13));
    }

    private Map<String, Integer> counts(String text) {
        try {
            return json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("comments.reaction_counts does not read as a map of counts", e);
        }
    }
}
