package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.intranet.kit.paging.Position;

/** One page of a feed and where the next one starts (null at the end). */
public record FeedPage(List<FeedItem> items, Position next) {

    public record FeedItem(UUID id, String authorId, String authorName, Post.Kind kind, String body, String groupId,
            List<String> mentions, List<String> hashtags, int commentCount, int reactionCount, Instant createdAt,
            Instant updatedAt) {
    }
}
