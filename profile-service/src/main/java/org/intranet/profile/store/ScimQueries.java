package org.intranet.profile.store;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;

/**
 * SCIM searches: which users or groups a filter matches, one page of them in a stable order, and how many in all.
 * Users the provisioner deleted are not there (RFC 7644 §3.6); people it deactivated are.
 */
@ApplicationScoped
public class ScimQueries {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String EMAIL_PRESENT = "CASE WHEN email IS NOT NULL THEN ";

    private static final Map<String, ScimFilterSql.Column> USERS = Map.ofEntries(
            Map.entry("id", exact("id")),
            Map.entry("externalid", exact("external_id")),
            Map.entry("username", text("username")),
            Map.entry("displayname", text("display_name")),
            Map.entry("name.formatted", text("display_name")),
            Map.entry("name.givenname", text("given_name")),
            Map.entry("name.familyname", text("family_name")),
            Map.entry("title", text("title")),
            Map.entry("emails", text("email")),
            Map.entry("emails.value", text("email")),
            Map.entry("emails.type", text(EMAIL_PRESENT + "'work' END")),
            Map.entry("emails.primary", new ScimFilterSql.Column(EMAIL_PRESENT + "true END",
                    ScimFilterSql.Kind.BOOLEAN)),
            Map.entry("phonenumbers", text("phone")),
            Map.entry("phonenumbers.value", text("phone")),
            Map.entry("addresses.locality", text("location")),
            Map.entry("timezone", text("time_zone")),
            Map.entry("active", new ScimFilterSql.Column("(status = 'ACTIVE')", ScimFilterSql.Kind.BOOLEAN)),
            Map.entry("meta.created", time("created_at")),
            Map.entry("meta.lastmodified", time("updated_at")),
            Map.entry(ENTERPRISE + "employeenumber", exact("employee_number")),
            Map.entry(ENTERPRISE + "department", text("department")),
            Map.entry(ENTERPRISE + "manager", exact("manager_id")),
            Map.entry(ENTERPRISE + "manager.value", exact("manager_id")));

    private static final String IS_MEMBER = "EXISTS (SELECT 1 FROM directory_group_members m "
            + "WHERE m.group_id = directory_groups.id AND m.employee_id = ?)";
    private static final Map<String, ScimFilterSql.Column> GROUPS = Map.of(
            "id", exact("id"),
            "externalid", exact("external_id"),
            "displayname", text("display_name"),
            "members", new ScimFilterSql.Column(IS_MEMBER, ScimFilterSql.Kind.MEMBER),
            "members.value", new ScimFilterSql.Column(IS_MEMBER, ScimFilterSql.Kind.MEMBER),
            "meta.created", time("created_at"),
            "meta.lastmodified", time("updated_at"));

    private final Sql sql;

    ScimQueries(Sql sql) {
        this.sql = sql;
    }

    /** One page of matches: their ids in order, and the number of all matches. */
    public record Matches(List<String> ids, int total) {
    }

    /** @param filter null: everyone; {@code offset} from 0 */
    public Matches users(Filter filter, int offset, int count) throws ScimException {
        return search("employees", "scim_deleted_at IS NULL", "lower(username), id", filter, USERS, USER, offset,
                count);
    }

    public Matches groups(Filter filter, int offset, int count) throws ScimException {
        return search("directory_groups", "true", "lower(display_name), id", filter, GROUPS, GROUP, offset, count);
    }

    private Matches search(String table, String scope, String order, Filter filter,
            Map<String, ScimFilterSql.Column> columns, String schema, int offset, int count) throws ScimException {
        ScimFilterSql.Condition condition = filter == null ? new ScimFilterSql.Condition("true", List.of())
                : ScimFilterSql.of(filter, columns, schema);
        String where = " FROM " + table + " WHERE " + scope + " AND " + condition.sql();
        Object[] params = condition.params().toArray();
        int total = sql.one("SELECT count(*)" + where, rs -> rs.getInt(1), params).orElse(0);
        if (total == 0 || count == 0 || offset >= total) {
            return new Matches(List.of(), total);
        }
        Object[] paged = java.util.Arrays.copyOf(params, params.length + 2);
        paged[params.length] = offset;
        paged[params.length + 1] = count;
        List<String> ids = sql.list("SELECT id" + where + " ORDER BY " + order + " OFFSET ? LIMIT ?",
                rs -> rs.getString(1), paged);
        return new Matches(ids, total);
    }

    private static ScimFilterSql.Column text(String sql) {
        return new ScimFilterSql.Column(sql, ScimFilterSql.Kind.TEXT);
    }

    private static ScimFilterSql.Column exact(String sql) {
        return new ScimFilterSql.Column(sql, ScimFilterSql.Kind.EXACT);
    }

    private static ScimFilterSql.Column time(String sql) {
        return new ScimFilterSql.Column(sql, ScimFilterSql.Kind.TIME);
    }
}
