package org.intranet.kit.visibility;

/**
 * The principals a post's audience is made of, computed once per post by feed-service and stored with it (and in
 * the search index and with notifications): {@code all}, {@code group:<id>}, {@code dept:<name>},
 * {@code loc:<name>}, {@code user:<id>}; and {@code role:hr}, which callers with the {@code hr} or {@code admin} role
 * hold (a scheduled announcement is HR's until it is published).
 */
public final class Audience {
    public static final String EVERYONE = "all";
    public static final String HR_STAFF = "role:hr";

    private Audience() {
    }

    public static String group(String id) {
        return "group:" + id;
    }

    public static String user(String id) {
        return "user:" + id;
    }

    public static String department(String name) {
        return "dept:" + name.strip();
    }

    public static String location(String name) {
        return "loc:" + name.strip();
    }
}
