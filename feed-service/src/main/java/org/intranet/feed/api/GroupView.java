package org.intranet.feed.api;

import java.time.Instant;

import org.intranet.feed.domain.Group;

/** A group as the caller sees it; {@code myRole} is OWNER, MEMBER or null (not a member). */
public record GroupView(String id, String name, String description, String visibility, int memberCount,
        String myRole, Instant createdAt, Instant updatedAt) {

    public static GroupView of(Group g) {
        return new GroupView(g.id(), g.name(), g.description(), g.visibility(), g.memberCount(), g.myRole(),
                g.createdAt(), g.updatedAt());
    }
}
