package org.intranet.profile.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.DirectoryGroup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Provisioned groups and their members; membership is a plain table, changed in bulk by SQL. */
@ApplicationScoped
public class DirectoryGroupStore implements PanacheRepositoryBase<DirectoryGroup, String> {
    private final Sql sql;

    DirectoryGroupStore(Sql sql) {
        this.sql = sql;
    }

    /** A member as a client shows them. */
    public record Member(String id, String displayName) {
    }

    public List<Member> members(String groupId) {
        return sql.list("""
                SELECT e.id, e.display_name FROM directory_group_members m JOIN employees e ON e.id = m.employee_id
                WHERE m.group_id = ? ORDER BY lower(e.display_name), e.id""",
                rs -> new Member(rs.getString(1), rs.getString(2)), groupId);
    }

    /** @return those of {@code ids} that were not members yet */
    public List<String> add(String groupId, List<String> ids) {
        return sql.list("""
                INSERT INTO directory_group_members (group_id, employee_id) SELECT ?, unnest(?::varchar[])
                ON CONFLICT DO NOTHING RETURNING employee_id""", rs -> rs.getString(1), groupId,
                ids.toArray(String[]::new));
    }

    /** @return those of {@code ids} that were members */
    public List<String> remove(String groupId, List<String> ids) {
        return sql.list("DELETE FROM directory_group_members WHERE group_id = ? AND employee_id = ANY(?) "
                + "RETURNING employee_id", rs -> rs.getString(1), groupId, ids.toArray(String[]::new));
    }

    /** @return every former member */
    public List<String> removeAll(String groupId) {
        return sql.list("DELETE FROM directory_group_members WHERE group_id = ? RETURNING employee_id",
                rs -> rs.getString(1), groupId);
    }

    /** Those of {@code ids} that name no employee SCIM can see (unknown, or deleted by the provisioner). */
    public List<String> unknownUsers(List<String> ids) {
        return sql.list("""
                SELECT x FROM unnest(?::varchar[]) x
                WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.id = x AND e.scim_deleted_at IS NULL)""",
                rs -> rs.getString(1), (Object) ids.toArray(String[]::new));
    }

    /** The groups a person leaves when the provisioner deletes them. @return the groups' ids */
    public List<String> removeFromAll(String employeeId) {
        return sql.list("DELETE FROM directory_group_members WHERE employee_id = ? RETURNING group_id",
                rs -> rs.getString(1), employeeId);
    }

    public boolean nameTakenByOther(String displayName, String id) {
        return sql.one("SELECT 1 FROM directory_groups WHERE lower(display_name) = lower(?) AND id <> ?",
                rs -> 1, displayName, id).isPresent();
    }
}
