package org.intranet.feed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;

/**
 * The materialised home timelines: {@code timeline_owners} says whose exist, {@code timelines} holds their entries
 * (owner, created_at, post_id) with the post's author and group, so an entry can be taken out again when its reason
 * to be there goes (unfollow, leave, topic unfollow) without reading the post.
 */
@ApplicationScoped
public class TimelineStore {
    /**
     * Why an entry {@code t} is in its owner's timeline; an entry without any reason left is pruned. A private
     * group's posts are there only through membership (a recognition in one names members only).
     */
    private static final String STILL_WANTED = """
            (t.author_id = t.owner_id
             OR EXISTS (SELECT 1 FROM recognitions r WHERE r.post_id = t.post_id AND (r.recipient_id = t.owner_id
                        OR EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = t.owner_id AND f.kind = 'PERSON'
                                     AND f.target = r.recipient_id)))
             OR (t.group_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM group_members m WHERE m.group_id = t.group_id AND m.employee_id = t.owner_id))
             OR ((t.group_id IS NULL OR EXISTS (
                    SELECT 1 FROM groups g WHERE g.id = t.group_id AND g.visibility = 'PUBLIC'))
                 AND (EXISTS (SELECT 1 FROM follows f
                              WHERE f.follower_id = t.owner_id AND f.kind = 'PERSON' AND f.target = t.author_id)
                      OR EXISTS (SELECT 1 FROM post_tags pt JOIN follows f
                                   ON f.follower_id = t.owner_id AND f.kind = 'TOPIC' AND f.target = pt.tag
                                 WHERE pt.post_id = t.post_id))))""";
    private final Sql sql;

    TimelineStore(Sql sql) {
        this.sql = sql;
    }

    /** A post to fan out, as the timelines need it. */
    public record Entry(UUID postId, Instant createdAt, String authorId, String groupId, boolean privateGroup,
            boolean broadcast, List<String> tags, List<String> recipients) {
    }

    /** The post as fan-out needs it, read from the source of truth; empty when it is gone or deleted. */
    public Optional<Entry> entry(UUID postId) {
        return sql.one("""
                SELECT p.id, p.created_at, p.author_id, p.group_id, g.visibility = 'PRIVATE', p.broadcast, p.hashtags,
                       p.recipients
                FROM posts p LEFT JOIN groups g ON g.id = p.group_id
                WHERE p.id = ? AND p.deleted_at IS NULL""",
                rs -> new Entry(rs.getObject(1, UUID.class), Sql.instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), Sql.strings(rs.getArray(7)), Sql.strings(rs.getArray(8))),
                postId);
    }

    /**
     * Marks the owner's timeline as read now, creating its owner row when missing.
     *
     * @return true when the timeline did not exist (it must be built)
     */
    public boolean touch(String ownerId, Instant now) {
        return sql.one("""
                INSERT INTO timeline_owners (owner_id, built_at, read_at) VALUES (?, ?, ?)
                ON CONFLICT (owner_id) DO UPDATE SET read_at = EXCLUDED.read_at
                RETURNING xmax = 0""", rs -> rs.getBoolean(1), ownerId, now, now).orElseThrow();
    }

    /**
     * Writes a post into the timelines of everyone it is for and whose timeline exists: its author, its group's
     * members, a recognition's recipients, and (outside private groups) the followers of the author, of its tags
     * and of a recognition's recipients. Idempotent.
     *
     * @return entries written
     */
    public int fanOut(Entry post) {
        List<Object> params = new ArrayList<>();
        params.add(post.createdAt());
        params.add(post.groupId());
        params.add(post.postId());
        params.add(post.authorId());
        StringBuilder recipients = new StringBuilder("SELECT CAST(? AS varchar)");
        params.add(post.authorId());
        if (post.groupId() != null) {
            recipients.append(" UNION SELECT employee_id FROM group_members WHERE group_id = ?");
            params.add(post.groupId());
        }
        if (!post.recipients().isEmpty()) {
            recipients.append(" UNION SELECT unnest(CAST(? AS varchar[]))");
            params.add(post.recipients());
        }
        if (!post.privateGroup()) {
            recipients.append(" UNION SELECT follower_id FROM follows WHERE kind = 'PERSON' AND target = ?");
            params.add(post.authorId());
            if (!post.recipients().isEmpty()) {
                recipients.append(" UNION SELECT follower_id FROM follows WHERE kind = 'PERSON' AND target = ANY (?)");
                params.add(post.recipients());
            }
            if (!post.tags().isEmpty()) {
                recipients.append(" UNION SELECT follower_id FROM follows WHERE kind = 'TOPIC' AND target = ANY (?)");
                params.add(post.tags());
            }
        }
        return sql.update("""
                INSERT INTO timelines (owner_id, created_at, group_id, post_id, author_id)
                SELECT o.owner_id, ?, ?, ?, ? FROM timeline_owners o WHERE o.owner_id IN (%s)
                ON CONFLICT DO NOTHING""".formatted(recipients), params.toArray());
    }

    /** Drops one owner's timeline. */
    public void forget(String ownerId) {
        sql.update("""
                WITH gone AS (DELETE FROM timeline_owners WHERE owner_id = ? RETURNING owner_id)
                DELETE FROM timelines t USING gone WHERE t.owner_id = gone.owner_id""", ownerId);
    }

    /** Takes a deleted post out of every timeline. */
    public int remove(UUID postId) {
        return sql.update("DELETE FROM timelines WHERE post_id = ?", postId);
    }

    /**
     * Brings the newest posts matching {@code source} into an owner's timeline (if it exists), only those the owner
     * may see and never broadcast ones (those are merged at read).
     *
     * @param source a condition on posts {@code p}, with its parameters
     */
    public int backfill(String ownerId, Principals owner, String source, List<Object> sourceParams, int limit) {
        Principals.SqlFilter visible = owner.sqlFilter("p.audience", "p.author_id");
        List<Object> params = new ArrayList<>();
        params.add(ownerId);
        params.add(ownerId);
        params.addAll(sourceParams);
        params.addAll(visible.params());
        params.add(limit);
        return sql.update("""
                INSERT INTO timelines (owner_id, created_at, group_id, post_id, author_id)
                SELECT ?, p.created_at, p.group_id, p.id, p.author_id FROM posts p
                WHERE EXISTS (SELECT 1 FROM timeline_owners o WHERE o.owner_id = ?)
                  AND %s AND NOT p.broadcast AND p.deleted_at IS NULL AND %s
                ORDER BY p.created_at DESC, p.id DESC LIMIT ?
                ON CONFLICT DO NOTHING""".formatted(source, visible.sql()), params.toArray());
    }

    /** Takes out of an owner's timeline the entries matching {@code scope} that no longer have a reason to be there. */
    public int prune(String ownerId, String scope, List<Object> scopeParams) {
        List<Object> params = new ArrayList<>();
        params.add(ownerId);
        params.addAll(scopeParams);
        return sql.update("DELETE FROM timelines t WHERE t.owner_id = ? AND %s AND NOT %s"
                .formatted(scope, STILL_WANTED), params.toArray());
    }

    /**
     * Builds a missing timeline from every source the owner has: the newest {@code perSource} posts of each person
     * and topic they follow and each group they belong to, and their own; one index range per source. Trimming keeps
     * it to its size afterwards.
     */
    public int build(String ownerId, Principals owner, int perSource) {
        Principals.SqlFilter visible = owner.sqlFilter("p.audience", "p.author_id");
        String insert = "INSERT INTO timelines (owner_id, created_at, group_id, post_id, author_id) "
                + "SELECT ?, p.created_at, p.group_id, p.id, p.author_id FROM ";
        String kept = " AND NOT p.broadcast AND p.deleted_at IS NULL AND " + visible.sql()
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?) p ";
        int written = 0;
        written += sql.update(insert + """
                follows f CROSS JOIN LATERAL (SELECT p.* FROM posts p WHERE p.author_id = f.target
                    AND (p.group_id IS NULL OR EXISTS (
                        SELECT 1 FROM groups g WHERE g.id = p.group_id AND g.visibility = 'PUBLIC'))"""
                + kept + "WHERE f.follower_id = ? AND f.kind = 'PERSON' ON CONFLICT DO NOTHING",
                params(ownerId, visible, perSource, ownerId));
        written += sql.update(insert + """
                follows f CROSS JOIN LATERAL (SELECT p.* FROM post_tags pt JOIN posts p ON p.id = pt.post_id
                    WHERE pt.tag = f.target AND (p.group_id IS NULL OR EXISTS (
                        SELECT 1 FROM groups g WHERE g.id = p.group_id AND g.visibility = 'PUBLIC'))"""
                + kept.replace("ORDER BY p.created_at DESC, p.id DESC", "ORDER BY pt.created_at DESC, pt.post_id DESC")
                + "WHERE f.follower_id = ? AND f.kind = 'TOPIC' ON CONFLICT DO NOTHING",
                params(ownerId, visible, perSource, ownerId));
        written += sql.update(insert + """
                group_members m CROSS JOIN LATERAL (SELECT p.* FROM posts p WHERE p.group_id = m.group_id"""
                + kept + "WHERE m.employee_id = ? ON CONFLICT DO NOTHING",
                params(ownerId, visible, perSource, ownerId));
        written += sql.update(insert + "(SELECT p.* FROM posts p WHERE p.author_id = ?" + kept
                + "ON CONFLICT DO NOTHING", params(ownerId, ownerId, visible, perSource));
        // recognitions received by the owner and by the people they follow (outside private groups but their own)
        String receivedKept = kept.replace("ORDER BY p.created_at DESC, p.id DESC",
                "ORDER BY r.given_at DESC, r.post_id DESC");
        written += sql.update(insert + """
                (SELECT CAST(? AS varchar) AS target
                 UNION SELECT f.target FROM follows f WHERE f.follower_id = ? AND f.kind = 'PERSON') w
                CROSS JOIN LATERAL (SELECT p.* FROM recognitions r JOIN posts p ON p.id = r.post_id
                    WHERE r.recipient_id = w.target AND (p.group_id IS NULL OR w.target = ? OR EXISTS (
                        SELECT 1 FROM groups g WHERE g.id = p.group_id AND g.visibility = 'PUBLIC'))"""
                + receivedKept + "ON CONFLICT DO NOTHING",
                params(ownerId, ownerId, ownerId, ownerId, visible, perSource));
        return written;
    }

    private static Object[] params(Object... parts) {
        List<Object> params = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Principals.SqlFilter filter) {
                params.addAll(filter.params());
            } else {
                params.add(part);
            }
        }
        return params.toArray();
    }

    /** Trims a batch of timelines, least recently trimmed first, to their newest {@code keep} entries. */
    public int trim(int batch, int keep, Instant now) {
        return sql.update("""
                WITH batch AS (
                    SELECT owner_id FROM timeline_owners ORDER BY trimmed_at NULLS FIRST LIMIT ?
                    FOR UPDATE SKIP LOCKED),
                cut AS (
                    SELECT b.owner_id, c.created_at, c.post_id FROM batch b
                    CROSS JOIN LATERAL (SELECT created_at, post_id FROM timelines t WHERE t.owner_id = b.owner_id
                                        ORDER BY created_at DESC, post_id DESC OFFSET ? LIMIT 1) c),
                trimmed AS (
                    DELETE FROM timelines t USING cut
                    WHERE t.owner_id = cut.owner_id AND (t.created_at, t.post_id) <= (cut.created_at, cut.post_id)
                    RETURNING 1)
                UPDATE timeline_owners o SET trimmed_at = ? FROM batch WHERE o.owner_id = batch.owner_id""",
                batch, keep, now);
    }

    /** Drops the timelines nobody read since {@code before}; they are rebuilt on their owner's next read. */
    public int evictIdle(Instant before) {
        return sql.update("""
                WITH idle AS (DELETE FROM timeline_owners WHERE read_at < ? RETURNING owner_id)
                DELETE FROM timelines t USING idle WHERE t.owner_id = idle.owner_id""", before);
    }
}
