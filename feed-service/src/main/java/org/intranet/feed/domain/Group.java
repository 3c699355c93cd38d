package org.intranet.feed.domain;

import java.time.Instant;

/**
 * A group as someone sees it.
 *
 * @param myRole the viewer's role ({@link #OWNER}, {@link #MEMBER}) or null when they are not a member
 */
public record Group(String id, String name, String description, String visibility, int memberCount,
        String createdBy, long version, Instant createdAt, Instant updatedAt, String myRole) {

    public static final String PUBLIC = "PUBLIC";
    public static final String PRIVATE = "PRIVATE";
    public static final String OWNER = "OWNER";
    public static final String MEMBER = "MEMBER";

    public boolean isPrivate() {
        return PRIVATE.equals(visibility);
    }

    public boolean member() {
        return myRole != null;
    }

    public boolean owner() {
        return OWNER.equals(myRole);
    }
}
