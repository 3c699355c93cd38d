package org.intranet.feed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.ReactionService;
import org.intranet.feed.domain.ReactionType;
import org.intranet.kit.store.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * post_reactions and comment_reactions (one row per person per post or comment), and the counters they keep on
 * their target: {@code posts.reaction_counts} with the total {@code posts.reaction_count}, and
 * {@code comments.reaction_counts}. A writer locks the target row ({@link #lockPost}, {@link #lockComment}) before
 * it reads the caller's reaction, so concurrent requests of one person on one target take effect one at a time.
 */
@ApplicationScoped
public class ReactionStore {
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    ReactionStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A live comment locked for a reaction change: its author (for the event) and its counters. */
    public record LockedComment(String authorId, Map<String, Integer> counts) {
    }

    /** Locks a live post's row; @return its counts per type, empty when it is missing or deleted */
    public Optional<Map<String, Integer>> lockPost(UUID postId) {
        return sql.one("SELECT reaction_counts::text FROM posts WHERE id = ? AND deleted_at IS NULL FOR NO KEY UPDATE",
                rs -> counts(rs.getString(1)), postId);
    }

    /** Locks a live comment of this post; empty when it is missing, deleted or another post's. */
    public Optional<LockedComment> lockComment(UUID postId, UUID commentId) {
        return sql.one("""
                SELECT author_id, reaction_counts::text FROM comments
                WHERE id = ? AND post_id = ? AND deleted_at IS NULL FOR NO KEY UPDATE""",
                rs -> new LockedComment(rs.getString(1), counts(rs.getString(2))), commentId, postId);
    }

    public Optional<ReactionType> ofPost(UUID postId, String employeeId) {
        return sql.one("SELECT type FROM post_reactions WHERE post_id = ? AND employee_id = ?",
                rs -> ReactionType.valueOf(rs.getString(1)), postId, employeeId);
    }

    public Optional<ReactionType> ofComment(UUID commentId, String employeeId) {
        return sql.one("SELECT type FROM comment_reactions WHERE comment_id = ? AND employee_id = ?",
                rs -> ReactionType.valueOf(rs.getString(1)), commentId, employeeId);
    }

    /** Sets (or switches) one person's reaction on a post; a switch counts as reacting again, now. */
    public void setOnPost(UUID postId, String employeeId, ReactionType type, Instant at) {
        sql.update("""
                INSERT INTO post_reactions (post_id, employee_id, type, reacted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (post_id, employee_id) DO UPDATE
                SET type = EXCLUDED.type, reacted_at = EXCLUDED.reacted_at""",
                postId, employeeId, type.name(), at);
    }

    public void setOnComment(UUID commentId, String employeeId, ReactionType type, Instant at) {
        sql.update("""
                INSERT INTO comment_reactions (comment_id, employee_id, type, reacted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (comment_id, employee_id) DO UPDATE
                SET type = EXCLUDED.type, reacted_at = EXCLUDED.reacted_at""",
                commentId, employeeId, type.name(), at);
    }

    public void removeFromPost(UUID postId, String employeeId) {
        sql.update("DELETE FROM post_reactions WHERE post_id = ? AND employee_id = ?", postId, employeeId);
    }

    public void removeFromComment(UUID commentId, String employeeId) {
        sql.update("DELETE FROM comment_reactions WHERE comment_id = ? AND employee_id = ?", commentId, employeeId);
    }

    /** Replaces a post's counters; the total is the sum of the counts. */
    public void countOnPost(UUID postId, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        sql.update("UPDATE posts SET reaction_counts = CAST(? AS jsonb), reaction_count = ? WHERE id = ?",
                write(counts), total, postId);
    }

    public void countOnComment(UUID commentId, Map<String, Integer> counts) {
        sql.update("UPDATE comments SET reaction_counts = CAST(? AS jsonb) WHERE id = ?", write(counts), commentId);
    }

    /**
     * Who reacted to a post, newest first by (reacted_at, employee_id), optionally of one type, after a position.
     * Walks post_reactions_newest.
     */
    public List<ReactionService.Reactor> reactors(UUID postId, ReactionType type, ReactionService.After after,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(postId));
        StringBuilder where = new StringBuilder("WHERE r.post_id = ?");
        if (type != null) {
            where.append(" AND r.type = ?");
            params.add(type.name());
        }
        if (after != null) {
            where.append(" AND (r.reacted_at, r.employee_id) < (?, ?)");
            params.add(after.reactedAt());
            params.add(after.employeeId());
        }
        params.add(limit);
        return sql.list("""
                SELECT r.employee_id, COALESCE(NULLIF(btrim(e.display_name), ''), e.username), e.username, r.type,
                       r.reacted_at
                FROM post_reactions r LEFT JOIN employees e ON e.id = r.employee_id
                %s
                ORDER BY r.reacted_at DESC, r.employee_id DESC LIMIT ?""".formatted(where),
                rs -> new ReactionService.Reactor(rs.getString(1), rs.getString(2), rs.getString(3),
                        ReactionType.valueOf(rs.getString(4)), Sql.instant(rs, 5)), params.toArray());
    }

    private Map<String, Integer> counts(String text) {
        try {
            return json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reaction_counts does not read as a map of counts", e);
        }
    }

    private String write(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts are a map of numbers", e);
        }
    }
}
