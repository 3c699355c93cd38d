package org.intranet.feed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.ActivePosition;
import org.intranet.feed.domain.FeedItem;
import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.Link;
import org.intranet.feed.domain.Post;
import org.intranet.kit.paging.Position;
import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feed reads are the hot path: plain prepared statements through the kit's {@link Sql}, no ORM, one round trip per
 * page. Each feed is a {@code candidates(post_id, created_at)} query, newest first, that already applies the
 * reader's visibility rule and the cursor, joined once to what renders an item. The candidates read limit + 1
 * rows: the extra one only tells whether a next page exists. Expired announcements leave every feed; a direct read
 * ({@link #one}) still finds them.
 * <p>
 * They run on the {@code reads} pool, whose sessions use generic plans ({@code plan_cache_mode =
 * force_generic_plan}): with custom plans PostgreSQL planned each page again (0.7–1.3 ms) to execute it in 0.3–0.9 ms.
 * Each statement here is written so its generic plan walks an index in order (bench/results/feed.md). That pool
 * takes no part in transactions: feeds read committed data.
 */
@ApplicationScoped
public class FeedQueries {
    /** Candidates, then what renders them; binds the reader's id twice at the end (reaction, receipt). */
    private static final String ITEMS = """
            WITH candidates AS (%s)
            SELECT p.id, p.kind, p.author_id, e.display_name, e.username, p.body, p.group_id, g.name, p.links::text,
                   p.mentions, p.hashtags, p.reaction_counts::text, r.type, p.comment_count, p.revision,
                   p.created_at, p.edited_at, p.recognition_value, p.badge,
                   CASE WHEN p.recipients IS NOT NULL THEN (
                       SELECT CAST(json_agg(json_build_array(r.id, re.display_name, re.username) ORDER BY r.n) AS text)
                       FROM unnest(p.recipients) WITH ORDINALITY AS r(id, n) LEFT JOIN employees re ON re.id = r.id)
                   END,
                   p.must_read, p.pinned_until, p.expires_at, p.publish_at, COALESCE(p.target_audience, p.audience),
                   ar.seen_at, ar.acknowledged_at, COALESCE(e.status = 'LEFT', false)
            FROM candidates c
            JOIN posts p ON p.id = c.post_id
            LEFT JOIN employees e ON e.id = p.author_id
            LEFT JOIN groups g ON g.id = p.group_id
            LEFT JOIN post_reactions r ON r.post_id = p.id AND r.employee_id = ?
            LEFT JOIN announcement_receipts ar ON ar.post_id = p.id AND ar.employee_id = ?
            ORDER BY %s""";
    private static final String NEWEST_FIRST = "c.created_at DESC, c.post_id DESC";
    /** An announcement past its expiry leaves the feeds. */
    private static final String LIVE = "(p.expires_at IS NULL OR p.expires_at > now())";
    /** At most this many pinned announcements lead a feed's first page. */
    private static final int PINNED = 5;
    /** 9999-12-31: PostgreSQL's timestamps end there, and no post is newer; with the largest id, "from the top". */
    private static final Position TOP = new Position(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));
    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> RECIPIENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    FeedQueries(@io.quarkus.agroal.DataSource("reads") DataSource reads, ObjectMapper json) {
        this.sql = new Sql(reads);
        this.json = json;
    }

    /** One post as an item, when the reader may see it (an expired announcement too: it stays readable by link). */
    public Optional<FeedItem> one(Principals reader, UUID postId) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        List<Object> params = new ArrayList<>();
        params.add(postId);
        params.addAll(visible.params());
        return items("""
                SELECT p.id AS post_id, p.created_at FROM posts p
                WHERE p.id = ? AND p.deleted_at IS NULL AND %s""".formatted(visible.sql()), params, reader)
                .stream().findFirst();
    }

    /** Company-wide posts (not in a group) the reader may see. */
    public FeedPage company(Principals reader, Position after, int limit) {
        return postsWhere(reader, "p.group_id IS NULL", List.of(), after, limit);
    }

    /** What one person wrote, wherever the reader may see it. */
    public FeedPage person(Principals reader, String authorId, Position after, int limit) {
        return postsWhere(reader, "p.author_id = ?", List.of(authorId), after, limit);
    }

    /** One group's posts. */
    public FeedPage group(Principals reader, String groupId, Position after, int limit) {
        return postsWhere(reader, "p.group_id = ?", List.of(groupId), after, limit);
    }

    /** Posts carrying a tag, walked newest first on post_tags. */
    public FeedPage topic(Principals reader, String tag, Position after, int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        Position from = after == null ? TOP : after;
        List<Object> params = new ArrayList<>();
        params.add(tag);
        params.addAll(List.of(from.createdAt(), from.id()));
        params.addAll(visible.params());
        params.add(limit + 1);
        return page(items("""
                SELECT t.post_id, t.created_at FROM post_tags t JOIN posts p ON p.id = t.post_id
                WHERE t.tag = ? AND (t.created_at, t.post_id) < (?, ?) AND p.deleted_at IS NULL AND %s AND %s
                ORDER BY t.created_at DESC, t.post_id DESC LIMIT ?""".formatted(LIVE, visible.sql()), params,
                reader), limit);
    }

    /**
     * The home feed: the reader's materialised timeline, merged at read time with the broadcast posts of their
     * groups too large to fan out (one index range per such group) and with the live announcements they are in the
     * audience of. The timeline is filtered by the rule again, so a post the reader may no longer see (they left its
     * private group) never shows, whatever the timeline holds.
     *
     * @param broadcastGroups the reader's groups; only their broadcast posts are merged
     */
    public FeedPage home(Principals reader, List<String> broadcastGroups, Position after, int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        Principals.SqlFilter broadcastVisible = reader.sqlFilter("b.audience", "b.author_id");
        Position from = after == null ? TOP : after;
        List<Object> params = new ArrayList<>();
        params.add(reader.employeeId());
        params.addAll(List.of(from.createdAt(), from.id()));
        params.addAll(visible.params());
        params.add(limit + 1);
        params.add(broadcastGroups);
        params.addAll(List.of(from.createdAt(), from.id()));
        params.add(limit + 1);
        params.addAll(broadcastVisible.params());
        params.addAll(List.of(from.createdAt(), from.id()));
        params.addAll(visible.params());
        params.add(limit + 1);
        params.add(limit + 1);
        // The broadcast branch filters after each group's LIMIT, so its generic plan walks posts_broadcast in order
        // (filtering inside made it sort a group's every post: 27 ms). Those groups are the reader's own, so their
        // posts are all visible to them; the rule is still applied, and could only shorten a page, never leak.
        // Announcements are never fanned out (an audience may be the whole company): they walk their own index.
        return page(items("""
                (SELECT t.post_id, t.created_at FROM timelines t JOIN posts p ON p.id = t.post_id
                 WHERE t.owner_id = ? AND (t.created_at, t.post_id) < (?, ?) AND p.deleted_at IS NULL AND %1$s
                 ORDER BY t.created_at DESC, t.post_id DESC LIMIT ?)
                UNION
                (SELECT b.post_id, b.created_at FROM unnest(CAST(? AS text[])) AS g(id)
                 CROSS JOIN LATERAL (
                     SELECT p.id AS post_id, p.created_at, p.audience, p.author_id FROM posts p
                     WHERE p.group_id = g.id AND p.broadcast AND p.deleted_at IS NULL
                       AND (p.created_at, p.id) < (?, ?)
                     ORDER BY p.created_at DESC, p.id DESC LIMIT ?) b
                 WHERE %2$s)
                UNION
                (SELECT p.id, p.created_at FROM posts p
                 WHERE p.kind = 'ANNOUNCEMENT' AND p.deleted_at IS NULL AND p.publish_at IS NULL
                   AND (p.created_at, p.id) < (?, ?) AND %3$s AND %1$s
                 ORDER BY p.created_at DESC, p.id DESC LIMIT ?)
                ORDER BY created_at DESC, post_id DESC LIMIT ?""".formatted(visible.sql(), broadcastVisible.sql(),
                LIVE), params, reader), limit);
    }

    /** Announcements pinned now that the reader is in the audience of (or wrote), newest first, a few. */
    public List<FeedItem> pinned(Principals reader) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        List<Object> params = new ArrayList<>(visible.params());
        params.add(PINNED);
        return items("""
                SELECT p.id AS post_id, p.created_at FROM posts p
                WHERE p.kind = 'ANNOUNCEMENT' AND p.deleted_at IS NULL AND p.publish_at IS NULL
                  AND p.pinned_until > now() AND %s AND %s
                ORDER BY p.created_at DESC, p.id DESC LIMIT ?""".formatted(LIVE, visible.sql()), params, reader);
    }

    /**
     * The live announcements for the reader: unacknowledged must-read first, then pinned, then the rest, newest first
     * within each; limit + 1 of them after {@code after}.
     */
    public List<FeedItem> announcements(Principals reader, ActivePosition after, int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        ActivePosition from = after == null ? ActivePosition.FIRST : after;
        List<Object> params = new ArrayList<>();
        params.add(reader.employeeId());
        params.addAll(visible.params());
        params.addAll(List.of(from.rank(), from.rank(), from.createdAt(), from.id()));
        params.add(limit + 1);
        return items("""
                SELECT post_id, created_at, rank FROM (
                    SELECT p.id AS post_id, p.created_at,
                           CASE WHEN p.must_read AND ar.acknowledged_at IS NULL THEN 0
                                WHEN p.pinned_until > now() THEN 1 ELSE 2 END AS rank
                    FROM posts p
                    LEFT JOIN announcement_receipts ar ON ar.post_id = p.id AND ar.employee_id = ?
                    WHERE p.kind = 'ANNOUNCEMENT' AND p.deleted_at IS NULL AND p.publish_at IS NULL AND %s AND %s) a
                WHERE rank > ? OR (rank = ? AND (created_at, post_id) < (?, ?))
                ORDER BY rank, created_at DESC, post_id DESC LIMIT ?""".formatted(LIVE, visible.sql()), params,
                reader, "c.rank, " + NEWEST_FIRST);
    }

    /** Recognitions one person received, newest first, that the reader may see. */
    public FeedPage received(Principals reader, String recipientId, Position after, int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        Position from = after == null ? TOP : after;
        List<Object> params = new ArrayList<>();
        params.add(recipientId);
        params.addAll(List.of(from.createdAt(), from.id()));
        params.addAll(visible.params());
        params.add(limit + 1);
        return page(items("""
                SELECT r.post_id, r.given_at AS created_at FROM recognitions r JOIN posts p ON p.id = r.post_id
                WHERE r.recipient_id = ? AND (r.given_at, r.post_id) < (?, ?) AND p.deleted_at IS NULL AND %s
                ORDER BY r.given_at DESC, r.post_id DESC LIMIT ?""".formatted(visible.sql()), params, reader),
                limit);
    }

    private FeedPage postsWhere(Principals reader, String condition, List<Object> conditionParams, Position after,
            int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        Position from = after == null ? TOP : after;
        List<Object> params = new ArrayList<>(conditionParams);
        params.addAll(List.of(from.createdAt(), from.id()));
        params.addAll(visible.params());
        params.add(limit + 1);
        return page(items("""
                SELECT p.id AS post_id, p.created_at FROM posts p
                WHERE %s AND (p.created_at, p.id) < (?, ?) AND p.deleted_at IS NULL AND %s AND %s
                ORDER BY p.created_at DESC, p.id DESC LIMIT ?""".formatted(condition, LIVE, visible.sql()), params,
                reader), limit);
    }

    private List<FeedItem> items(String candidates, List<Object> params, Principals reader) {
        return items(candidates, params, reader, NEWEST_FIRST);
    }

    private List<FeedItem> items(String candidates, List<Object> params, Principals reader, String order) {
        List<Object> all = new ArrayList<>(params);
        all.add(reader.employeeId());
        all.add(reader.employeeId());
        return sql.list(ITEMS.formatted(candidates, order), this::item, all.toArray());
    }

    private static FeedPage page(List<FeedItem> rows, int limit) {
        if (rows.size() <= limit) {
            return new FeedPage(rows, null);
        }
        List<FeedItem> items = new ArrayList<>(rows.subList(0, limit));
        FeedItem last = items.get(limit - 1);
        return new FeedPage(items, new Position(last.createdAt(), last.id()));
    }

    private FeedItem item(ResultSet rs) throws SQLException {
        Post.Kind kind = Post.Kind.valueOf(rs.getString(2));
        return new FeedItem(rs.getObject(1, UUID.class), kind, rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(28), rs.getString(6), rs.getString(7), rs.getString(8),
                read(rs.getString(9), LINKS), Sql.strings(rs.getArray(10)), Sql.strings(rs.getArray(11)),
                read(rs.getString(12), COUNTS), rs.getString(13), rs.getInt(14), rs.getInt(15), Sql.instant(rs, 16),
                Sql.instant(rs, 17), recognition(rs.getString(18), rs.getString(19), rs.getString(20)),
                kind != Post.Kind.ANNOUNCEMENT ? null : new FeedItem.Announcement(rs.getBoolean(21),
                        Sql.instant(rs, 22), Sql.instant(rs, 23), Sql.instant(rs, 24), Sql.strings(rs.getArray(25)),
                        Sql.instant(rs, 26), Sql.instant(rs, 27)));
    }

    private FeedItem.Recognition recognition(String value, String badge, String recipients) {
        if (value == null) {
            return null;
        }
        List<FeedItem.Person> people = recipients == null ? List.of() : read(recipients, RECIPIENTS).stream()
                .map(r -> new FeedItem.Person(r.get(0), r.get(1), r.get(2))).toList();
        return new FeedItem.Recognition(value, badge, people);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not read as " + type.getType(), e);
        }
    }
}
