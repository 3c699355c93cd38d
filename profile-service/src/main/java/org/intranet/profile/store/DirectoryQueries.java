package org.intranet.profile.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.PersonCard;

/** The directory's reads: people cards, head counts, the org chart. Active people only, unless asked. */
@ApplicationScoped
public class DirectoryQueries {
    private static final String CARD = "e.id, e.username, e.display_name, e.title, e.department, e.location, "
            + "e.avatar_url, e.pronouns, e.status ";
    private final Sql sql;

    DirectoryQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * People whose display name, family name or handle starts with {@code prefix} (lower case, null: anyone), in
     * the department, location and with the skill given (null: any), ordered by display name then id, after the
     * cursor's {@code (name, id)}.
     */
    public List<PersonCard.Found> search(String prefix, String department, String location, String skill, boolean former,
            List<String> after, int limit) {
        String like = prefix == null ? null : escapeLike(prefix) + "%";
        return sql.list("SELECT " + CARD + """
                , lower(e.display_name) FROM employees e
                WHERE (CAST(? AS text) IS NULL OR lower(e.display_name) LIKE ? OR lower(e.family_name) LIKE ?
                       OR lower(e.username) LIKE ?)
                  AND (CAST(? AS text) IS NULL OR e.department = ?)
                  AND (CAST(? AS text) IS NULL OR e.location = ?)
                  AND (CAST(? AS text) IS NULL OR e.skills @> ARRAY[CAST(? AS text)])
                  AND (? OR e.status = 'ACTIVE')
                  AND (CAST(? AS text) IS NULL OR (lower(e.display_name), e.id) > (?, ?))
                ORDER BY lower(e.display_name), e.id
                LIMIT ?""", rs -> new PersonCard.Found(card(rs), rs.getString(10)),
                like, like, like, like, department, department, location, location, skill, skill, former,
                after == null ? null : after.get(0), after == null ? null : after.get(0),
                after == null ? null : after.get(1), limit);
    }

    public List<PersonCard.HeadCount> departments() {
        return headCounts("department");
    }

    public List<PersonCard.HeadCount> locations() {
        return headCounts("location");
    }

    private List<PersonCard.HeadCount> headCounts(String column) {
        // column is one of two constants above, never input
        return sql.list("SELECT " + column + ", count(*) FROM employees WHERE status = 'ACTIVE' AND " + column
                + " IS NOT NULL GROUP BY " + column + " ORDER BY " + column,
                rs -> new PersonCard.HeadCount(rs.getString(1), rs.getLong(2)));
    }

    /** Active direct reports by name, each with their direct reports and whole team below them (bounded depth). */
    public List<PersonCard.Report> reports(String managerId) {
        return sql.list("""
                WITH RECURSIVE team(root, id, depth) AS (
                    SELECT d.id, d.id, 0 FROM employees d WHERE d.manager_id = ? AND d.status = 'ACTIVE'
                    UNION ALL
                    SELECT t.root, e.id, t.depth + 1 FROM employees e JOIN team t ON e.manager_id = t.id
                    WHERE e.status = 'ACTIVE' AND t.depth < 50),
                sizes AS (
                    SELECT root, count(*) FILTER (WHERE depth = 1) AS direct, count(*) - 1 AS total
                    FROM team GROUP BY root)
                SELECT\s""" + CARD + """
                , s.direct, s.total FROM sizes s JOIN employees e ON e.id = s.root
                ORDER BY lower(e.display_name), e.id""",
                rs -> new PersonCard.Report(card(rs), rs.getInt(10), rs.getInt(11)), managerId);
    }

    /**
     * Someone and the managers above them, nearest first, up to the top (bounded: a corrupt loop cannot hang us);
     * empty for an unknown id.
     */
    public List<PersonCard> chainFrom(String employeeId) {
        return sql.list("""
                WITH RECURSIVE chain(id, manager_id, depth) AS (
                    SELECT id, manager_id, 0 FROM employees WHERE id = ?
                    UNION ALL
                    SELECT e.id, e.manager_id, c.depth + 1 FROM employees e JOIN chain c ON e.id = c.manager_id
                    WHERE c.depth < 50)
                SELECT\s""" + CARD + """
                 FROM chain c JOIN employees e ON e.id = c.id ORDER BY c.depth""",
                DirectoryQueries::card, employeeId);
    }

    private static PersonCard card(ResultSet rs) throws SQLException {
        return new PersonCard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
