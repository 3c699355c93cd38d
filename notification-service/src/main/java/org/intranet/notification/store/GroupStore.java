package org.intranet.notification.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/** The {@code groups} read-copy (names for notification texts) and membership lookups on {@code group_members}. */
@ApplicationScoped
public class GroupStore {
    private final Sql sql;

    GroupStore(Sql sql) {
        this.sql = sql;
    }

    /** Keeps the newest state of a group; an older or repeated version changes nothing. */
    public void upsert(String id, String name, String visibility, long version) {
        sql.update("""
                INSERT INTO groups (id, name, visibility, version) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, visibility = EXCLUDED.visibility,
                    version = EXCLUDED.version
                WHERE groups.version < EXCLUDED.version""", id, name, visibility, version);
    }

    public Optional<String> name(String id) {
        return id == null ? Optional.empty()
                : sql.one("SELECT name FROM groups WHERE id = ?", rs -> rs.getString(1), id);
    }

    public boolean isMember(String groupId, String employeeId) {
        return sql.one("SELECT 1 FROM group_members WHERE group_id = ? AND employee_id = ?", rs -> true, groupId,
                employeeId).isPresent();
    }
}
