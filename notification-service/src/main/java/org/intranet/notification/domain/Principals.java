package org.intranet.notification.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who someone is for audience checks: {@code all}, {@code user:<id>}, {@code dept:<department>},
 * {@code loc:<location>} and {@code group:<id>} for each group they belong to. A post is visible to them when its
 * audience (computed once by feed-service) shares at least one principal with this set.
 */
public record Principals(Set<String> values) {
    public static final String ALL = "all";

    public Principals {
        values = Set.copyOf(values);
    }

    /**
     * @param department null when unknown: then no {@code dept:} principal (an unknown department sees nothing
     *                   that is targeted at departments)
     */
    public static Principals of(String employeeId, String department, String location, Collection<String> groupIds) {
        Set<String> values = new LinkedHashSet<>();
        values.add(ALL);
        values.add("user:" + employeeId);
        if (department != null && !department.isBlank()) {
            values.add("dept:" + department.strip());
        }
        if (location != null && !location.isBlank()) {
            values.add("loc:" + location.strip());
        }
        for (String group : groupIds) {
            values.add("group:" + group);
        }
        return new Principals(values);
    }

    /** @param audience null or empty means nobody (fail closed) */
    public boolean canSee(Collection<String> audience) {
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

    public List<String> asList() {
        return List.copyOf(values);
    }
}
