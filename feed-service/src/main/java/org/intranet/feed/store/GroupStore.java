package org.intranet.feed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Group;
import org.intranet.feed.domain.Member;
import org.intranet.kit.store.Sql;

/** Groups, their members and roles; counters kept on the group row. */
@ApplicationScoped
public class GroupStore {
    private static final String GROUP = """
            SELECT g.id, g.name, g.description, g.visibility, g.member_count, g.owner_id, g.version, g.created_at,
                   g.updated_at, m.role
            FROM groups g LEFT JOIN group_members m ON m.group_id = g.id AND m.employee_id = ?""";
    private final Sql sql;

    GroupStore(Sql sql) {
        this.sql = sql;
    }

    /** The group as {@code viewerId} sees it (their role in it, if any). */
    public Optional<Group> get(String id, String viewerId) {
        return sql.one(GROUP + " WHERE g.id = ?", GroupStore::group, viewerId, id);
    }

    /** The same, locking the group row: membership changes of one group run one at a time (owner counts hold). */
    public Optional<Group> lock(String id, String viewerId) {
        return sql.one(GROUP + " WHERE g.id = ? FOR UPDATE OF g", GroupStore::group, viewerId, id);
    }

    /**
     * Groups by name: the viewer's own ({@code mine}), public ones they are not in ({@code discover}), or both.
     *
     * @param after (lower-case name, id) of the last group of the previous page, or null
     */
    public List<Group> list(String viewerId, String membership, List<String> after, int limit) {
        String which = switch (membership) {
            case "mine" -> "m.role IS NOT NULL";
            case "discover" -> "m.role IS NULL AND g.visibility = 'PUBLIC'";
            default -> "(m.role IS NOT NULL OR g.visibility = 'PUBLIC')";
        };
        List<Object> params = new ArrayList<>(List.of(viewerId));
        String from = "";
        if (after != null) {
            from = " AND (lower(g.name), g.id) > (?, ?)";
            params.addAll(after);
        }
        params.add(limit + 1);
        return sql.list(GROUP + " WHERE " + which + from + " ORDER BY lower(g.name), g.id LIMIT ?",
                GroupStore::group, params.toArray());
    }

    public void insert(Group group) {
        sql.update("""
                INSERT INTO groups (id, name, description, visibility, owner_id, member_count, version, created_at,
                                    updated_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)""", group.id(), group.name(), group.description(),
                group.visibility(), group.createdBy(), group.version(), group.createdAt(), group.updatedAt());
    }

    public void update(Group group) {
        sql.update("""
                UPDATE groups SET name = ?, description = ?, visibility = ?, version = ?, updated_at = ?
                WHERE id = ?""", group.name(), group.description(), group.visibility(), group.version(),
                group.updatedAt(), group.id());
    }

    /** A group that turned public: its posts become visible to everyone, as its future ones are. */
    public int openPosts(String groupId) {
        return sql.update("""
                UPDATE posts SET audience = array_append(audience, 'all')
                WHERE group_id = ? AND NOT ('all' = ANY (audience))""", groupId);
    }

    public boolean isOwner(String groupId, String employeeId) {
        return role(groupId, employeeId).filter(Group.OWNER::equals).isPresent();
    }

    public Optional<String> role(String groupId, String employeeId) {
        return sql.one("SELECT role FROM group_members WHERE group_id = ? AND employee_id = ?",
                rs -> rs.getString(1), groupId, employeeId);
    }

    /** Adds a member, or changes their role; keeps member_count. */
    public void putMember(String groupId, String employeeId, String role, boolean isNew, Instant at) {
        sql.update("""
                INSERT INTO group_members (group_id, employee_id, role, joined_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, employee_id) DO UPDATE SET role = EXCLUDED.role""",
                groupId, employeeId, role, at);
        if (isNew) {
            sql.update("UPDATE groups SET member_count = member_count + 1 WHERE id = ?", groupId);
        }
    }

    public void removeMember(String groupId, String employeeId) {
        if (sql.update("DELETE FROM group_members WHERE group_id = ? AND employee_id = ?", groupId, employeeId) > 0) {
            sql.update("UPDATE groups SET member_count = member_count - 1 WHERE id = ?", groupId);
        }
    }

    public int owners(String groupId) {
        return sql.one("SELECT count(*) FROM group_members WHERE group_id = ? AND role = 'OWNER'",
                rs -> rs.getInt(1), groupId).orElse(0);
    }

    /**
     * Members, owners first, then by name.
     *
     * @param after (rank, lower-case name, id) of the last member of the previous page, or null
     */
    public List<Member> members(String groupId, List<String> after, int limit) {
        List<Object> params = new ArrayList<>(List.of(groupId));
        String from = "";
        if (after != null) {
            from = " WHERE (rank, sort_name, employee_id) > (CAST(? AS int), ?, ?)";
            params.addAll(after);
        }
        params.add(limit + 1);
        return sql.list("""
                SELECT employee_id, name, username, role, joined_at, rank, sort_name FROM (
                    SELECT m.employee_id, COALESCE(NULLIF(btrim(e.display_name), ''), e.username) AS name,
                           e.username, m.role, m.joined_at, CASE m.role WHEN 'OWNER' THEN 0 ELSE 1 END AS rank,
                           lower(COALESCE(e.display_name, e.username, m.employee_id)) AS sort_name
                    FROM group_members m LEFT JOIN employees e ON e.id = m.employee_id
                    WHERE m.group_id = ?) s""" + from + " ORDER BY rank, sort_name, employee_id LIMIT ?",
                rs -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs, 5), rs.getInt(6), rs.getString(7)), params.toArray());
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getLong(7), Sql.instant(rs, 8), Sql.instant(rs, 9), rs.getString(10));
    }
}
