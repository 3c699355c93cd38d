package org.intranet.search.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who the caller is for visibility: a post is visible when its {@code audience} shares a principal with this set,
 * or when the caller wrote it. Department and location come from the employee read-copy when it has them (HR's
 * data wins over whatever the token says), else from the token's claims.
 */
public record Principals(String employeeId, Set<String> values) {
    public static final String EVERYONE = "all";

    public static Principals of(String employeeId, String department, String location, Collection<String> groups) {
        Set<String> values = new LinkedHashSet<>();
        values.add(EVERYONE);
        values.add("user:" + employeeId);
        if (department != null && !department.isBlank()) {
            values.add("dept:" + department.strip());
        }
        if (location != null && !location.isBlank()) {
            values.add("loc:" + location.strip());
        }
        for (String group : groups) {
            values.add("group:" + group);
        }
        return new Principals(employeeId, Set.copyOf(values));
    }

    /** The rule every read path applies; OpenSearch evaluates the same rule as a filter. */
    public boolean canSee(String authorId, Collection<String> audience) {
        return employeeId.equals(authorId) || audience.stream().anyMatch(values::contains);
    }
}
