package org.intranet.feed.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Visibility as principals, computed once per post and stored with it (and in the search index): {@code all},
 * {@code group:<id>}, {@code dept:<name>}, {@code loc:<name>}, {@code user:<id>}. A reader sees a post when the
 * post's audience and the reader's principals intersect.
 */
public final class Audience {
    public static final String EVERYONE = "all";

    private Audience() {
    }

    public static String group(String id) {
        return "group:" + id;
    }

    public static String user(String id) {
        return "user:" + id;
    }

    public static String department(String name) {
        return "dept:" + name;
    }

    public static String location(String name) {
        return "loc:" + name;
    }

    /** The principals of a reader: everyone, themselves, their department, location and groups. */
    public static Set<String> principalsOf(String employeeId, String department, String location,
            Collection<String> groupIds) {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(EVERYONE);
        principals.add(user(employeeId));
        if (department != null && !department.isBlank()) {
            principals.add(department(department.strip()));
        }
        if (location != null && !location.isBlank()) {
            principals.add(location(location.strip()));
        }
        groupIds.forEach(g -> principals.add(group(g)));
        return principals;
    }

    public static boolean canSee(Collection<String> postAudience, String authorId, Set<String> readerPrincipals,
            String readerId) {
        return readerId.equals(authorId) || postAudience.stream().anyMatch(readerPrincipals::contains);
    }
}
