package org.intranet.notification.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.notification.domain.Email;

/** The {@code emails} queue and the {@code digest_runs} claims. */
@ApplicationScoped
public class EmailStore {
    private static final String COLUMNS = "id, recipient_id, kind, notification_id, since, due_at, attempts";
    private final Sql sql;

    EmailStore(Sql sql) {
        this.sql = sql;
    }

    /** @return false when the notification already has an e-mail waiting (it will show the latest state) */
    public boolean enqueue(Email email, Instant now) {
        return sql.update("INSERT INTO emails (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", email.id(), email.recipientId(), email.kind().name(),
                email.notificationId(), email.since(), email.dueAt(), email.attempts(), now) == 1;
    }

    /**
     * Locks up to {@code limit} e-mails due by {@code now} until the transaction ends; e-mails another replica has
     * locked are skipped, so each is sent by one replica.
     */
    public List<Email> claimDue(Instant now, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM emails WHERE outcome IS NULL AND due_at <= ? "
                + "ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED", EmailStore::row, now, limit);
    }

    /** @param outcome {@code SENT}, {@code SKIPPED} or {@code FAILED} */
    public void finish(UUID id, String outcome, String detail, Instant at) {
        sql.update("UPDATE emails SET outcome = ?, detail = ?, done_at = ?, attempts = attempts + 1 WHERE id = ?",
                outcome, truncate(detail), at, id);
    }

    public void retryAt(UUID id, Instant at, String error) {
        sql.update("UPDATE emails SET attempts = attempts + 1, due_at = ?, detail = ? WHERE id = ?", at,
                truncate(error), id);
    }

    /** Deletes e-mails done before {@code cutoff}, up to {@code batch}. @return how many */
    public int deleteDoneBefore(Instant cutoff, int batch) {
        return sql.update("DELETE FROM emails WHERE id IN (SELECT id FROM emails WHERE done_at < ? "
                + "ORDER BY done_at LIMIT ? FOR UPDATE SKIP LOCKED)", cutoff, batch);
    }

    /**
     * Claims the digest of the period starting at {@code periodAt} for the employee: true for the one replica (and
     * the one run) that gets it first.
     *
     * @return the start of the previous period claimed (what the digest covers from), or null when the claim failed
     */
    public Claimed claimDigest(String employeeId, Instant periodAt) {
        return sql.one("""
                WITH previous AS (SELECT period_at FROM digest_runs WHERE employee_id = ?)
                INSERT INTO digest_runs (employee_id, period_at) VALUES (?, ?)
                ON CONFLICT (employee_id) DO UPDATE SET period_at = EXCLUDED.period_at
                    WHERE digest_runs.period_at < EXCLUDED.period_at
                RETURNING (SELECT period_at FROM previous)""",
                rs -> new Claimed(Sql.instant(rs, 1)), employeeId, employeeId, periodAt).orElse(null);
    }

    /** @param previous the period claimed before, or null for someone's first digest */
    public record Claimed(Instant previous) {
    }

    /** Who has unread notifications created after {@code since}: the only people a digest can be for. */
    public List<String> withUnreadSince(Instant since) {
        return sql.list("SELECT DISTINCT recipient_id FROM notifications WHERE read_at IS NULL AND created_at > ?",
                rs -> rs.getString(1), since);
    }

    /** Erasure. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM emails WHERE recipient_id = ?", employeeId);
        sql.update("DELETE FROM digest_runs WHERE employee_id = ?", employeeId);
        sql.update("DELETE FROM reminders WHERE employee_id = ?", employeeId);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private static Email row(ResultSet rs) throws SQLException {
        return new Email(rs.getObject(1, UUID.class), rs.getString(2), Email.Kind.valueOf(rs.getString(3)),
                rs.getObject(4, UUID.class), Sql.instant(rs, 5), Sql.instant(rs, 6), rs.getInt(7));
    }
}
