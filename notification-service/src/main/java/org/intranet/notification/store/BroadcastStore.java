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
                INSERT INTO notifications (id, recipient_id, type, group_key, actor_id, actor_name, actor_count,
                                           post_id, comment_id, group_id, author_id, text, audience, must_read,
                                           created_at, read_at)
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

    /** Someone who has a must-read reminder due. */
    public record Due(String postId, String employeeId) {
    }

    /**
     * Records, once per person and stage, up to {@code limit} reminders due: must-read announcements published
     * between {@code after} and {@code before}, not expired, to active employees in their audience who have not
     * acknowledged them. Concurrent runs on several replicas each get different people (the insert decides).
     * <p>
     * The audience test is the kit's visibility rule evaluated per employee over the read-copies (the principals
     * {@code Readers} builds: all, user, department, location, groups), as one statement over everyone at once.
     */
    public List<Due> claimReminders(String stage, Instant after, Instant before, Instant now, int limit) {
        return sql.list("""
                INSERT INTO reminders (post_id, employee_id, stage, at)
                SELECT b.post_id, e.id, ?, ? FROM broadcasts b JOIN employees e ON e.status = 'ACTIVE'
                WHERE b.must_read AND b.published_at > ? AND b.published_at <= ?
                  AND (b.expires_at IS NULL OR b.expires_at > ?) AND e.id <> b.author_id
                  AND b.audience && (ARRAY['all', 'user:' || e.id, 'dept:' || coalesce(e.department, ''),
                                           'loc:' || coalesce(e.location, '')]
                                     || ARRAY(SELECT 'group:' || g.group_id FROM group_members g
                                              WHERE g.employee_id = e.id))
                  AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.post_id = b.post_id AND a.employee_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM reminders r
                                  WHERE r.post_id = b.post_id AND r.employee_id = e.id AND r.stage = ?)
                LIMIT ?
                ON CONFLICT DO NOTHING
                RETURNING post_id, employee_id""", rs -> new Due(rs.getString(1), rs.getString(2)), stage, now,
                after, before, now, stage, limit);
    }

    /**
     * The employee's notification of the announcement, back at the top and unread, saying it is a reminder; written
     * now if they had none yet. @return it, or empty when the announcement is gone
     */
    public java.util.Optional<Notification> remind(String postId, String employeeId, Instant now) {
        return sql.one("""
                INSERT INTO notifications (id, recipient_id, type, group_key, actor_id, actor_name, actor_count,
                                           post_id, comment_id, group_id, author_id, text, audience, must_read,
                                           created_at, read_at)
                SELECT gen_random_uuid(), ?, 'ANNOUNCEMENT', 'announcement:' || b.post_id, b.author_id,
                       b.author_name, 1, b.post_id, NULL, NULL, b.author_id,
                       CASE WHEN length('Reminder: ' || b.text) > 200 THEN left('Reminder: ' || b.text, 199) || '…'
                            ELSE 'Reminder: ' || b.text END,
                       b.audience, true, ?, NULL
                FROM broadcasts b WHERE b.post_id = ?
                ON CONFLICT (recipient_id, group_key) DO UPDATE SET text = EXCLUDED.text, read_at = NULL,
                    created_at = EXCLUDED.created_at
                RETURNING\s""" + NotificationStore.COLUMNS, NotificationStore::row, employeeId, now, postId);
    }

    public boolean acknowledged(String postId, String employeeId) {
        return sql.one("SELECT 1 FROM acknowledgements WHERE post_id = ? AND employee_id = ?", rs -> true, postId,
                employeeId).isPresent();
    }

    /** Erasure. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM acknowledgements WHERE employee_id = ?", employeeId);
    }
}
