package org.intranet.feed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Post;
import org.intranet.feed.domain.Recognised;
import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row per recipient of each recognition. Every count read here joins the post and applies the reader's rule, so a
 * recognition in a private group counts only for those who may see it; a deleted one counts for nobody.
 */
@ApplicationScoped
public class RecognitionStore {
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    RecognitionStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A recipient as the rules need them: known to the read-copy, still here, in the post's group. */
    public record Candidate(String id, boolean active, boolean groupMember) {
    }

    public void add(Post post) {
        sql.update("""
                INSERT INTO recognitions (post_id, recipient_id, giver_id, value, given_at)
                SELECT ?, r.id, ?, ?, ? FROM unnest(CAST(? AS text[])) AS r(id)
                ON CONFLICT DO NOTHING""", post.id, post.authorId, post.recognitionValue, post.createdAt,
                post.recipients);
    }

    /** Those of {@code ids} the employee read-copy knows; {@code groupId} null: every one counts as a member. */
    public List<Candidate> candidates(List<String> ids, String groupId) {
        return sql.list("""
                SELECT e.id, e.status = 'ACTIVE',
                       CAST(? AS varchar) IS NULL OR EXISTS (
                           SELECT 1 FROM group_members m WHERE m.group_id = ? AND m.employee_id = e.id)
                FROM employees e WHERE e.id = ANY (?)""",
                rs -> new Candidate(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)), groupId, groupId, ids);
    }

    /**
     * Serialises one giver's recognitions until the transaction ends, so two at once cannot both pass the budget.
     */
    public void lockGiver(String giverId) {
        sql.one("SELECT pg_advisory_xact_lock(hashtext('intranet.feed.recognition'), hashtext(?))", rs -> true,
                giverId);
    }

    /** People recognised by {@code giverId} since {@code since} (each recipient of each live post once). */
    public int givenSince(String giverId, Instant since) {
        return sql.one("""
                SELECT count(*) FROM recognitions r JOIN posts p ON p.id = r.post_id
                WHERE r.giver_id = ? AND r.given_at >= ? AND p.deleted_at IS NULL""",
                rs -> rs.getInt(1), giverId, since).orElse(0);
    }

    /**
     * People ranked by recognitions received since {@code since} that the reader may see, most first (ties by id),
     * with their counts per value; {@code department} null for everyone. Reads {@code limit} rows after the
     * position ({@code afterTotal}, {@code afterId}), or from the top when {@code afterId} is null.
     */
    public List<Recognised> wall(Principals reader, Instant since, String department, Integer afterTotal, String afterId,
            int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        List<Object> params = new ArrayList<>();
        params.add(since);
        params.addAll(visible.params());
        params.add(department);
        params.add(department);
        params.add(afterId);
        params.add(afterTotal);
        params.add(afterTotal);
        params.add(afterId);
        params.add(limit);
        return sql.list("""
                WITH given AS (
                    SELECT r.recipient_id, r.value, count(*) AS n FROM recognitions r JOIN posts p ON p.id = r.post_id
                    WHERE r.given_at >= ? AND p.deleted_at IS NULL AND %s
                    GROUP BY r.recipient_id, r.value),
                people AS (
                    SELECT recipient_id, CAST(sum(n) AS int) AS total, CAST(jsonb_object_agg(value, n) AS text) AS by_value
                    FROM given GROUP BY recipient_id)
                SELECT x.recipient_id, e.display_name, e.username, e.department, x.total, x.by_value
                FROM people x LEFT JOIN employees e ON e.id = x.recipient_id
                WHERE (CAST(? AS varchar) IS NULL OR lower(e.department) = lower(?))
                  AND (CAST(? AS varchar) IS NULL OR x.total < ? OR (x.total = ? AND x.recipient_id > ?))
                ORDER BY x.total DESC, x.recipient_id LIMIT ?""".formatted(visible.sql()),
                rs -> new Recognised(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        counts(rs.getString(6))), params.toArray());
    }

    /** What {@code recipientId} received that the reader may see, per value, most first. */
    public Map<String, Integer> received(Principals reader, String recipientId) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        List<Object> params = new ArrayList<>();
        params.add(recipientId);
        params.addAll(visible.params());
        Map<String, Integer> byValue = new LinkedHashMap<>();
        sql.list("""
                SELECT r.value, CAST(count(*) AS int) AS n FROM recognitions r JOIN posts p ON p.id = r.post_id
                WHERE r.recipient_id = ? AND p.deleted_at IS NULL AND %s
                GROUP BY r.value ORDER BY n DESC, r.value""".formatted(visible.sql()),
                rs -> Map.entry(rs.getString(1), rs.getInt(2)), params.toArray())
                .forEach(e -> byValue.put(e.getKey(), e.getValue()));
        return byValue;
    }

    private Map<String, Integer> counts(String text) {
        try {
            return new LinkedHashMap<>(json.readValue(text, COUNTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the wall's counts per value do not read as JSON", e);
        }
    }
}
