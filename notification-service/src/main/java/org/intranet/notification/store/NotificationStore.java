package org.intranet.notification.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.paging.Position;
import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;
import org.intranet.notification.domain.Notification;
import org.intranet.notification.domain.NotificationType;

/**
 * The {@code notifications} table, through the kit's {@link Sql}. Every read is scoped to one recipient and
 * re-checks the stored audience against the reader's current principals (the kit's one rule), so a notification
 * about something the reader may no longer see is as absent as someone else's.
 */
@ApplicationScoped
public class NotificationStore {
    static final String COLUMNS = """
            id, recipient_id, type, group_key, actor_id, actor_name, actor_count, post_id, comment_id, group_id,
            author_id, text, audience, must_read, created_at, read_at""";
    private final Sql sql;

    NotificationStore(Sql sql) {
        this.sql = sql;
    }

    /** The row a new event joins: its id and how many distinct actors it has so far. */
    public record Existing(UUID id, int actorCount) {
    }

    /**
     * Inserts {@code n} unless the recipient has a notification with its group key already; that one is then locked
     * until the transaction ends, so concurrent events of one group are counted one after the other.
     *
     * @return empty when {@code n} was inserted; else the existing row
     */
    public Optional<Existing> insertOrLock(Notification n) {
        Optional<UUID> inserted = sql.one("INSERT INTO notifications (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (recipient_id, group_key) DO NOTHING "
                + "RETURNING id", rs -> rs.getObject(1, UUID.class), n.id(), n.recipientId(), n.type().name(),
                n.groupKey(), n.actorId(), n.actorName(), n.actorCount(), n.subject().postId(),
                n.subject().commentId(), n.subject().groupId(), n.subject().authorId(), n.text(), n.audience(),
                n.mustRead(), n.createdAt(), n.readAt());
        if (inserted.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(sql.one("SELECT id, actor_count FROM notifications WHERE recipient_id = ? AND group_key = ? "
                + "FOR UPDATE", rs -> new Existing(rs.getObject(1, UUID.class), rs.getInt(2)), n.recipientId(),
                n.groupKey()).orElseThrow(() -> new IllegalStateException("notification " + n.groupKey()
                        + " of " + n.recipientId() + " vanished between insert and lock")));
    }

    /** @return false when this actor is counted in the notification already */
    public boolean addActor(UUID notificationId, String actorId) {
        return sql.update("INSERT INTO notification_actors (notification_id, actor_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", notificationId, actorId) == 1;
    }

    /** A new actor joined: the notification shows them, counts them, moves to the top and is unread again. */
    public Notification bump(UUID id, Notification latest) {
        return sql.one("UPDATE notifications SET actor_id = ?, actor_name = ?, actor_count = actor_count + 1, "
                + "text = ?, audience = ?, created_at = ?, read_at = NULL WHERE id = ? RETURNING " + COLUMNS,
                NotificationStore::row, latest.actorId(), latest.actorName(), latest.text(), latest.audience(),
                latest.createdAt(), id).orElseThrow();
    }

    public Optional<Notification> findByKey(String recipientId, String groupKey) {
        return sql.one("SELECT " + COLUMNS + " FROM notifications WHERE recipient_id = ? AND group_key = ?",
                NotificationStore::row, recipientId, groupKey);
    }

    public Optional<Notification> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM notifications WHERE id = ?", NotificationStore::row, id);
    }

    /**
     * Deletes up to {@code batch} notifications read before {@code cutoff}, oldest first; rows another replica is
     * deleting at the same moment are skipped, not waited for. @return how many were deleted
     */
    public int deleteReadBefore(Instant cutoff, int batch) {
        return sql.update("""
                DELETE FROM notifications WHERE id IN (
                    SELECT id FROM notifications WHERE read_at < ? ORDER BY read_at LIMIT ? FOR UPDATE SKIP LOCKED)""",
                cutoff, batch);
    }

    /** A deleted post takes everything about it (its comments and reactions included) out of every list. */
    public int deleteAboutPost(String postId) {
        return sql.update("DELETE FROM notifications WHERE post_id = ?", postId);
    }

    /** A deleted comment: the mentions in it, and the reactions to it. */
    public int deleteAboutComment(String postId, String commentId) {
        return sql.update("DELETE FROM notifications WHERE post_id = ? AND comment_id = ?", postId, commentId);
    }

    /** An acknowledged announcement is read for the one who acknowledged it. */
    public int markReadByKey(String recipientId, String groupKey, Instant at) {
        return sql.update("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND group_key = ? "
                + "AND read_at IS NULL", at, recipientId, groupKey);
    }

    /** Erasure: every notification addressed to them. */
    public int deleteOf(String recipientId) {
        return sql.update("DELETE FROM notifications WHERE recipient_id = ?", recipientId);
    }

    /** Erasure: notifications they caused keep their place, without their name or their words. */
    public int anonymiseActor(String actorId, String text) {
        sql.update("DELETE FROM notification_actors WHERE actor_id = ?", actorId);
        sql.update("UPDATE notifications SET author_id = NULL WHERE author_id = ?", actorId);
        return sql.update("UPDATE notifications SET actor_id = NULL, actor_name = NULL, text = ? WHERE actor_id = ?",
                text, actorId);
    }

    /** Newest first, strictly after {@code after} when given; at most {@code limit} rows. */
    public List<Notification> page(Principals reader, boolean unreadOnly, Position after, int limit) {
        Mine mine = Mine.of(reader);
        StringBuilder query = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM notifications WHERE ")
                .append(mine.sql);
        List<Object> params = new ArrayList<>(mine.params);
        if (unreadOnly) {
            query.append(" AND read_at IS NULL");
        }
        if (after != null) {
            // row comparison: one index range condition on (created_at, id), not an OR of two
            query.append(" AND (created_at, id) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        query.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return sql.list(query.toString(), NotificationStore::row, params.toArray());
    }

    /** Oldest first, strictly newer than {@code since}: what a reconnecting live stream missed. */
    public List<Notification> newerThan(Principals reader, Position since, int limit) {
        Mine mine = Mine.of(reader);
        List<Object> params = new ArrayList<>(mine.params);
        params.add(since.createdAt());
        params.add(since.id());
        params.add(limit);
        return sql.list("SELECT " + COLUMNS + " FROM notifications WHERE " + mine.sql
                + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?", NotificationStore::row,
                params.toArray());
    }

    /** Unread and visible, created after {@code since}, newest first: what a digest lists. */
    public List<Notification> unreadSince(Principals reader, Instant since, int limit) {
        Mine mine = Mine.of(reader);
        List<Object> params = new ArrayList<>(mine.params);
        params.add(since);
        params.add(limit);
        return sql.list("SELECT " + COLUMNS + " FROM notifications WHERE " + mine.sql
                + " AND read_at IS NULL AND created_at > ? ORDER BY created_at DESC, id DESC LIMIT ?",
                NotificationStore::row, params.toArray());
    }

    /**
     * Counts at most {@code cap} rows: a badge shows "999+" anyway, and the cost stays bounded for someone who never
     * reads (measured: 50,000 unread rows cost ~30 ms uncapped, ~0.6 ms capped at 1,000).
     */
    public long unreadCount(Principals reader, int cap) {
        Mine mine = Mine.of(reader);
        // the ORDER BY makes PostgreSQL walk the partial unread index and stop at the cap; without it, it builds a
        // bitmap of every unread row first
        return sql.one("SELECT count(*) FROM (SELECT 1 FROM notifications WHERE " + mine.sql
                + " AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?) unread", rs -> rs.getLong(1),
                mine.with(cap)).orElse(0L);
    }

    /** @return false when the reader has no such notification (or may no longer see it) */
    public boolean markRead(UUID id, Principals reader, Instant now) {
        Mine mine = Mine.of(reader);
        if (sql.update("UPDATE notifications SET read_at = ? WHERE id = ? AND " + mine.sql + " AND read_at IS NULL",
                prepend(List.of(now, id), mine.params)) == 1) {
            return true;
        }
        // already read counts as success (idempotent); absent does not
        return sql.one("SELECT 1 FROM notifications WHERE id = ? AND " + mine.sql, rs -> true,
                prepend(List.of(id), mine.params)).isPresent();
    }

    /** @return how many notifications changed from unread to read */
    public int markAllRead(Principals reader, Instant now) {
        Mine mine = Mine.of(reader);
        return sql.update("UPDATE notifications SET read_at = ? WHERE " + mine.sql + " AND read_at IS NULL",
                prepend(List.of(now), mine.params));
    }

    /** The reader's own rows that they may still see. */
    record Mine(String sql, List<Object> params) {
        static Mine of(Principals reader) {
            Principals.SqlFilter visible = reader.sqlFilter("audience", "author_id");
            List<Object> params = new ArrayList<>();
            params.add(reader.employeeId());
            params.addAll(visible.params());
            return new Mine("recipient_id = ? AND " + visible.sql(), params);
        }

        Object[] with(Object last) {
            List<Object> all = new ArrayList<>(params);
            all.add(last);
            return all.toArray();
        }
    }

    private static Object[] prepend(List<Object> first, List<Object> rest) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(rest);
        return all.toArray();
    }

    static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getObject(1, UUID.class), rs.getString(2),
                NotificationType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getInt(7), new Notification.Subject(rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)), rs.getString(12), Sql.strings(rs.getArray(13)), rs.getBoolean(14),
                Sql.instant(rs, 15), Sql.instant(rs, 16));
    }
}
