package org.intranet.kit.visibility;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who someone is for visibility, and the one rule every read path of every service applies: a reader sees a post
 * when the post's audience shares a principal with the reader, or when the reader wrote it. The same rule exists
 * three ways, for the three places it is evaluated: in Java ({@link #canSee}), in PostgreSQL ({@link #sqlFilter})
 * and in OpenSearch ({@link #openSearchFilter}); {@code PrincipalsTest} holds them to one table of cases.
 *
 * @param employeeId the reader (the token's {@code sub})
 * @param values     {@code all}, {@code user:<id>}, {@code dept:<name>}, {@code loc:<name>}, {@code group:<id>}…
 */
public record Principals(String employeeId, Set<String> values) {

    public Principals {
        values = Set.copyOf(values);
    }

    /**
     * @param department null or blank when unknown: then no {@code dept:} principal, so department-targeted content
     *                   stays hidden (the rule errs towards hiding, never towards leaking); same for location
     */
    public static Principals of(String employeeId, String department, String location, Collection<String> groupIds) {
        Set<String> values = new LinkedHashSet<>();
        values.add(Audience.EVERYONE);
        values.add(Audience.user(employeeId));
        if (department != null && !department.isBlank()) {
            values.add(Audience.department(department));
        }
        if (location != null && !location.isBlank()) {
            values.add(Audience.location(location));
        }
        groupIds.forEach(g -> values.add(Audience.group(g)));
        return new Principals(employeeId, values);
    }

    /** These principals and one more. */
    public Principals and(String principal) {
        Set<String> more = new LinkedHashSet<>(values);
        more.add(principal);
        return new Principals(employeeId, more);
    }

    /** @param audience null or empty means nobody but the author (fail closed) */
    public boolean canSee(Collection<String> audience, String authorId) {
        if (employeeId.equals(authorId)) {
            return true;
        }
        if (audience == null) {
            return false;
        }
        for (String principal : audience) {
            if (principal != null && values.contains(principal)) {
                return true;
            }
        }
        return false;
    }

    /** The rule as a PostgreSQL condition over a {@code text[]} audience column and an author column. */
    public SqlFilter sqlFilter(String audienceColumn, String authorColumn) {
        return new SqlFilter("(" + audienceColumn + " && ? OR " + authorColumn + " = ?)",
                List.of(values.toArray(String[]::new), employeeId));
    }

    /** The rule as an OpenSearch filter clause over a keyword audience field and an author field. */
    public Map<String, Object> openSearchFilter(String audienceField, String authorField) {
        return Map.of("bool", Map.of(
                "should", List.of(
                        Map.of("terms", Map.of(audienceField, List.copyOf(values))),
                        Map.of("term", Map.of(authorField, employeeId))),
                "minimum_should_match", 1));
    }

    /** A SQL condition with its parameters, in order; a {@code String[]} binds as {@code text[]}. */
    public record SqlFilter(String sql, List<Object> params) {
    }
}
