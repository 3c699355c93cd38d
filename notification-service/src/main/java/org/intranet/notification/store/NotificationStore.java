package org.intranet.notification.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private static final String COLUMNS = """
            id, recipient_id, type, actor_id, actor_name, post_id, author_id, group_id, text, audience, created_at,
            read_at""";
    private final Sql sql;

    NotificationStore(Sql sql) {
        this.sql = sql;
    }

    /** @return false when an equivalent notification exists already (one mention per post and recipient) */
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

    /** Erasure: every notification addressed to them. */
    public int deleteOf(String recipientId) {
        return sql.update("DELETE FROM notifications WHERE recipient_id = ?", recipientId);
    }

    /** Erasure: notifications they caused keep their place, without their name or their words. */
    public int anonymiseActor(String actorId, String text) {
        sql.update("UPDATE notifications SET author_id = NULL WHERE author_id = ?", actorId);
        return sql.update("UPDATE notifications SET actor_id = NULL, actor_name = NULL, text = ? WHERE actor_id = ?",
                text, actorId);
    }

    public boolean insert(Notification n) {
        return sql.update("INSERT INTO notifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", n.id(), n.recipientId(), n.type().name(), n.actorId(), n.actorName(),
                n.postId(), n.authorId(), n.groupId(), n.text(), n.audience(), n.createdAt(), n.readAt()) == 1;
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
    private record Mine(String sql, List<Object> params) {
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

    private static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getObject(1, UUID.class), rs.getString(2),
                NotificationType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), Sql.strings(rs.getArray(10)),
                Sql.instant(rs, 11), Sql.instant(rs, 12));
    }
}
