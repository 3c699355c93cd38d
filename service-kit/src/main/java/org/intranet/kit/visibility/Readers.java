package org.intranet.kit.visibility;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.kit.config.ClaimsConfig;
import org.intranet.kit.store.Sql;

/**
 * Works out someone's {@link Principals} from the service's read-copies ({@code employees} and
 * {@code group_members}, present in every service that filters by audience), in one round trip.
 * <p>
 * For a caller, the read-copy decides once it holds them (the profile is the source of truth, and a profile without
 * a department means none); until their first profile event arrives, the token's claims stand in. Every service
 * decides the same way, so a post is visible in the feed, search and notifications alike, or in none.
 */
@ApplicationScoped
public class Readers {
    private static final String LOOKUP = """
            SELECT e.id IS NOT NULL, e.department, e.location,
                   ARRAY(SELECT group_id FROM group_members WHERE employee_id = me.id)
            FROM (VALUES (CAST(? AS varchar))) AS me(id) LEFT JOIN employees e ON e.id = me.id""";
    private final Sql sql;
    private final ClaimsConfig claims;

    Readers(Sql sql, ClaimsConfig claims) {
        this.sql = sql;
        this.claims = claims;
    }

    public Principals of(Caller caller) {
        Row row = row(caller.id());
        Principals principals = row.known()
                ? Principals.of(caller.id(), row.department(), row.location(), row.groups())
                : Principals.of(caller.id(), caller.claim(claims.department()), caller.claim(claims.location()),
                        row.groups());
        return caller.isHrOrAdmin() ? principals.and(Audience.HR_STAFF)
                : principals;
    }

    /**
     * Someone seen from an event (a notification's recipient): only what the read-copies know. Without a snapshot
     * yet, no department or location principal: targeted content skips them rather than leak.
     */
    public Principals ofEmployee(String employeeId) {
        Row row = row(employeeId);
        return Principals.of(employeeId, row.department(), row.location(), row.groups());
    }

    private Row row(String employeeId) {
        return sql.one(LOOKUP, rs -> new Row(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                Sql.strings(rs.getArray(4))), employeeId).orElseThrow();
    }

    private record Row(boolean known, String department, String location, List<String> groups) {
    }
}
