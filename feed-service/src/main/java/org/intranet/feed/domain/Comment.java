package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.intranet.kit.paging.Position;

/**
 * A live comment as a reader sees it: its author's name and handle, its reactions per type and the reader's own.
 * A top-level comment has no {@code parentId}; a reply names the top-level comment it answers (one level only).
 */
public record Comment(UUID id, UUID postId, UUID parentId, String authorId, String authorName, String authorHandle,
        String body, List<String> mentions, Map<String, Integer> reactions, String myReaction, int replyCount,
        Instant createdAt, Instant editedAt) {

    public boolean isReply() {
        return parentId != null;
    }

    public boolean edited() {
        return editedAt != null;
    }

    /** Where a newest-last page continues after this comment. */
    public Position position() {
        return new Position(createdAt, id);
    }
}
