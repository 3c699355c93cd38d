package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of a feed and where the next one starts (null at the end). */
public record FeedPage(List<FeedItem> items, Position next) {

    /** Newest-first position: (created_at, id) keeps the order stable when timestamps tie. */
    public record Position(Instant createdAt, UUID id) {
    }

    public record FeedItem(UUID id, String authorId, String authorName, Post.Kind kind, String body, String groupId,
            List<String> mentions, List<String> hashtags, int commentCount, int reactionCount, Instant createdAt,
            Instant updatedAt) {
    }
}
