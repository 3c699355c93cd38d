package org.intranet.feed.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/** Groups and membership, as far as posting needs them (a reader's groups come with their principals). */
@ApplicationScoped
public class GroupStore {
    private final Sql sql;

    GroupStore(Sql sql) {
        this.sql = sql;
    }

    public record GroupRef(String id, String visibility) {
        public boolean isPrivate() {
            return "PRIVATE".equals(visibility);
        }
    }

    public Optional<GroupRef> find(String id) {
        return sql.one("SELECT id, visibility FROM groups WHERE id = ?",
                rs -> new GroupRef(rs.getString(1), rs.getString(2)), id);
    }

    public boolean isMember(String groupId, String employeeId) {
        return sql.one("SELECT 1 FROM group_members WHERE group_id = ? AND employee_id = ?", rs -> true, groupId,
                employeeId).isPresent();
    }
}
