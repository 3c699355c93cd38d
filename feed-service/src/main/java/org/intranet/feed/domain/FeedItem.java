package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A post with everything a client needs to render it without another call: who wrote it (and whether they have
 * left: their posts stay, shown as a former employee's), its group's name, its reactions per type and the reader's
 * own, its comment count and whether it was edited.
 */
public record FeedItem(UUID id, Post.Kind kind, String authorId, String authorName, String authorHandle,
        boolean authorFormer, String body, String groupId, String groupName, List<Link> links, List<String> mentions,
        List<String> hashtags, Map<String, Integer> reactions, String myReaction, int commentCount, int revision,
        Instant createdAt, Instant editedAt, Recognition recognition, Announcement announcement) {

    /** Someone named on an item, with what renders them. */
    public record Person(String id, String displayName, String username) {
    }

    /**
     * What an announcement adds: must-read, pinned, expiry, its schedule while scheduled, its audience, and the
     * reader's own receipt.
     */
    public record Announcement(boolean mustRead, Instant pinnedUntil, Instant expiresAt, Instant publishAt,
            List<String> audience, Instant seenAt, Instant acknowledgedAt) {
        public boolean scheduled() {
            return publishAt != null;
        }

        public Announcement seen(Instant at) {
            return new Announcement(mustRead, pinnedUntil, expiresAt, publishAt, audience, at, acknowledgedAt);
        }
    }

    public FeedItem withAnnouncement(Announcement changed) {
        return new FeedItem(id, kind, authorId, authorName, authorHandle, authorFormer, body, groupId, groupName, links, mentions,
                hashtags, reactions, myReaction, commentCount, revision, createdAt, editedAt, recognition, changed);
    }

    /** What a recognition adds to its post: the value, the badge, the recipients. */
    public record Recognition(String value, String badge, List<Person> recipients) {
    }

    public boolean edited() {
        return editedAt != null;
    }
}
