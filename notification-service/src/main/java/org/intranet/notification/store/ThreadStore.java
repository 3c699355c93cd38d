package org.intranet.notification.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/** {@code thread_participants}: who wrote in each comment thread (its top-level comment and the replies). */
@ApplicationScoped
public class ThreadStore {
    private final Sql sql;

    ThreadStore(Sql sql) {
        this.sql = sql;
    }

    /** Everyone who took part so far, in no particular order. */
    public List<String> participants(String threadId) {
        return sql.list("SELECT employee_id FROM thread_participants WHERE thread_id = ?", rs -> rs.getString(1),
                threadId);
    }

    public void join(String threadId, String postId, String employeeId) {
        sql.update("INSERT INTO thread_participants (thread_id, employee_id, post_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", threadId, employeeId, postId);
    }

    public void deleteThread(String threadId) {
        sql.update("DELETE FROM thread_participants WHERE thread_id = ?", threadId);
    }

    public void deleteOfPost(String postId) {
        sql.update("DELETE FROM thread_participants WHERE post_id = ?", postId);
    }

    /** Erasure. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM thread_participants WHERE employee_id = ?", employeeId);
    }
}
