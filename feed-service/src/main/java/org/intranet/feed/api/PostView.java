package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;

import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.Post;

/** A post as clients see it; {@code body} is sanitized HTML. */
public record PostView(String id, String authorId, String authorName, String kind, String body, String groupId,
        List<String> mentions, List<String> hashtags, int commentCount, int reactionCount, Instant createdAt,
        Instant updatedAt) {

    public static PostView of(Post p, String authorName) {
        return new PostView(p.id.toString(), p.authorId, authorName, p.kind.name(), p.body, p.groupId,
                List.copyOf(p.mentions), List.copyOf(p.hashtags), p.commentCount, p.reactionCount, p.createdAt,
                p.updatedAt);
    }

    public static PostView of(FeedPage.FeedItem i) {
        return new PostView(i.id().toString(), i.authorId(), i.authorName(), i.kind().name(), i.body(), i.groupId(),
                i.mentions(), i.hashtags(), i.commentCount(), i.reactionCount(), i.createdAt(), i.updatedAt());
    }
}
