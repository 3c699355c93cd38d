package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.intranet.feed.domain.FeedItem;
import org.intranet.feed.domain.Link;

/**
 * A post as clients see it, renderable without another call. {@code body} is sanitized HTML; {@code reactions}
 * counts per type; {@code myReaction} is the caller's own (or null); {@code edited} tells the text changed;
 * {@code recognition} (value, badge, recipients with their names) only on a {@code RECOGNITION};
 * {@code announcement} only on an {@code ANNOUNCEMENT}.
 */
public record PostView(String id, String kind, String authorId, String authorName, String authorHandle,
        boolean authorFormer, String body,
        String groupId, String groupName, List<Link> links, List<String> mentions, List<String> hashtags,
        Map<String, Integer> reactions, String myReaction, int commentCount, boolean edited, int revision,
        Instant createdAt, Instant editedAt, FeedItem.Recognition recognition, AnnouncementView announcement) {

    public static PostView of(FeedItem i) {
        return new PostView(i.id().toString(), i.kind().name(), i.authorId(), i.authorName(), i.authorHandle(),
                i.authorFormer(), i.body(), i.groupId(), i.groupName(), i.links(), i.mentions(), i.hashtags(), i.reactions(),
                i.myReaction(), i.commentCount(), i.edited(), i.revision(), i.createdAt(), i.editedAt(),
                i.recognition(), i.announcement() == null ? null : AnnouncementView.of(i.announcement()));
    }
}
