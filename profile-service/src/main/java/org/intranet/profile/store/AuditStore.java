package org.intranet.profile.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.AuditEntry;

/** The profile audit: who changed which fields of whom, when, and through what. Append-only. */
@ApplicationScoped
public class AuditStore {
    private final Sql sql;

    AuditStore(Sql sql) {
        this.sql = sql;
    }

    public void record(String employeeId, String actorId, String source, List<String> fields, Instant at) {
        sql.update("INSERT INTO profile_audit (employee_id, actor_id, source, fields, at) VALUES (?, ?, ?, ?, ?)",
                employeeId, actorId, source, fields, at);
    }

    /** Erasure: the person's own audit goes; where they changed others' profiles, the entry stays, anonymous. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM profile_audit WHERE employee_id = ?", employeeId);
        sql.update("UPDATE profile_audit SET actor_id = 'erased' WHERE actor_id = ?", employeeId);
    }

    /** Newest first, before {@code beforeSeq} (null: from the newest). */
    public List<AuditEntry> of(String employeeId, Long beforeSeq, int limit) {
        return sql.list("""
                SELECT seq, employee_id, actor_id, source, fields, at FROM profile_audit
                WHERE employee_id = ? AND (CAST(? AS bigint) IS NULL OR seq < ?)
                ORDER BY seq DESC LIMIT ?""",
                rs -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.strings(rs.getArray(5)), Sql.instant(rs, 6)),
                employeeId, beforeSeq, beforeSeq, limit);
    }
}
