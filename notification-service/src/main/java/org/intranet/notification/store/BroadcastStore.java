package org.intranet.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;
import org.intranet.notification.domain.Notification;

/**
 * {@code broadcasts} (one row per announcement) and {@code acknowledgements}; and the statement that writes a
 * person's announcement notifications the first time they look.
 */
@ApplicationScoped
public class BroadcastStore {
    private final Sql sql;

    BroadcastStore(Sql sql) {
        this.sql = sql;
    }

    /** @return false when the announcement was stored already */
    public boolean insert(String postId, String authorId, String authorName, List<String> audience,
            boolean mustRead, String text, Instant publishedAt, Instant expiresAt) {
        return sql.update("""
                INSERT INTO broadcasts (post_id, author_id, author_name, audience, must_read, text, published_at,
                                        expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", postId, authorId, authorName, audience,
                mustRead, text, publishedAt, expiresAt) == 1;
    }

    public void delete(String postId) {
        sql.update("DELETE FROM broadcasts WHERE post_id = ?", postId);
        sql.update("DELETE FROM acknowledgements WHERE post_id = ?", postId);
    }

    /** @return false when they had acknowledged it already */
    public boolean acknowledge(String postId, String employeeId, Instant at) {
        return sql.update("INSERT INTO acknowledgements (post_id, employee_id, acknowledged_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", postId, employeeId, at) == 1;
    }

    /**
     * Writes the reader's notification of every announcement published since {@code since} that they may see, have
     * not acknowledged, have no notification of yet, did not write, that has not expired, and (unless must-read) whose
     * type they did not turn off in the app.
     *
     * @return the notifications written
     */
    public List<Notification> deliver(Principals reader, Instant since, Instant now) {
        Principals.SqlFilter visible = reader.sqlFilter("b.audience", "b.author_id");
        List<Object> params = new ArrayList<>();
        params.add(reader.employeeId());
        params.add(since);
        params.add(now);
        params.add(reader.employeeId());
        params.addAll(visible.params());
        params.add(reader.employeeId());
        params.add(reader.employeeId());
        return sql.list("""
                INSERT INTO notifications (id, recipient_id, type, group_key, actor_id, actor_name, actor_count, post_id,
                                           comment_id, group_id, author_id, text, audience, must_read, created_at,
                                           read_at)
                SELECT gen_random_uuid(), me.id, 'ANNOUNCEMENT', 'announcement:' || b.post_id, b.author_id,
                       b.author_name, 1, b.post_id, NULL, NULL, b.author_id, b.text, b.audience, b.must_read,
                       b.published_at, NULL
                FROM broadcasts b, (VALUES (CAST(? AS varchar))) AS me(id)
                WHERE b.published_at >= ? AND (b.expires_at IS NULL OR b.expires_at > ?) AND b.author_id <> ?
                  AND\s""" + visible.sql() + """
                  AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.post_id = b.post_id AND a.employee_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM notifications n
                                  WHERE n.recipient_id = me.id AND n.group_key = 'announcement:' || b.post_id)
                  AND (b.must_read OR NOT EXISTS (SELECT 1 FROM preferences p WHERE p.employee_id = ?
                       AND (p.channels -> 'ANNOUNCEMENT' ->> 'inApp')::boolean IS FALSE))
                ON CONFLICT (recipient_id, group_key) DO NOTHING
                RETURNING\s""" + NotificationStore.COLUMNS, NotificationStore::row, params.toArray());
    }

    /** Erasure. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM acknowledgements WHERE employee_id = ?", employeeId);
    }
}
