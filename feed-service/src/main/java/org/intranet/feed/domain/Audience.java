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
        if (department != null) {
            principals.add(department(department));
        }
        if (location != null) {
            principals.add(location(location));
        }
        groupIds.forEach(g -> principals.add(group(g)));
        return principals;
    }

    public static boolean canSee(Collection<String> postAudience, String authorId, Set<String> readerPrincipals,
            String readerId) {
        return readerId.equals(authorId) || postAudience.stream().anyMatch(readerPrincipals::contains);
    }
}
