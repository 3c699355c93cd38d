package org.intranet.feed.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.AnnouncementAcknowledged;
import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.FollowChanged;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostChanged;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.ReactionChanged;
import org.intranet.contracts.RecognitionGiven;
import org.intranet.feed.domain.Post;
import org.intranet.kit.outbox.Outbox;

/**
 * Writes feed events to the outbox, in the caller's transaction. The key decides what stays in order: a post's
 * events, its comments' and its reactions' are keyed by post id (nothing about a post overtakes its deletion); a
 * group's by group id; a follower's follows by follower id.
 */
@ApplicationScoped
public class FeedEvents {
    private final Outbox outbox;

    FeedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void postPublished(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.POST_PUBLISHED, new PostPublished(post.id.toString(),
                post.authorId, post.kind.name(), post.body, post.groupId, post.audience, post.mentions,
                post.hashtags, post.createdAt, post.contractLinks(), post.recipients, post.recognitionValue));
    }

    public void recognitionGiven(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.RECOGNITION_GIVEN, new RecognitionGiven(post.id.toString(),
                post.authorId, post.recipients, post.recognitionValue, post.badge, post.groupId, post.audience,
                post.body, post.createdAt));
    }

    public void announcementPublished(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.ANNOUNCEMENT_PUBLISHED, new AnnouncementPublished(
                post.id.toString(), post.authorId, post.audience, post.mustRead, post.pinnedUntil, post.expiresAt,
                post.body, post.createdAt));
    }

    public void announcementAcknowledged(UUID postId, String employeeId, Instant at) {
        outbox.add("post", postId.toString(), EventTypes.ANNOUNCEMENT_ACKNOWLEDGED,
                new AnnouncementAcknowledged(postId.toString(), employeeId, at));
    }

    public void postEdited(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.POST_EDITED, new PostChanged(post.id.toString(),
                post.authorId, post.kind.name(), post.body, post.groupId, post.audience, post.mentions,
                post.hashtags, post.contractLinks(), post.revision, post.editedAt));
    }

    public void postDeleted(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.POST_DELETED, new PostDeleted(post.id.toString(),
                post.authorId, post.groupId, post.audience, post.deletedBy, post.deletedAt));
    }

    public void mentionsResolved(MentionsResolved resolved) {
        outbox.add("post", resolved.postId(), EventTypes.POST_MENTIONED, resolved);
    }

    /** @param type {@link EventTypes#COMMENT_ADDED}, {@code _EDITED} or {@code _DELETED} */
    public void comment(String type, CommentChanged comment) {
        require(type, EventTypes.COMMENT_ADDED, EventTypes.COMMENT_EDITED, EventTypes.COMMENT_DELETED);
        outbox.add("post", comment.postId(), type, comment);
    }

    /** @param type {@link EventTypes#REACTION_SET} or {@code _REMOVED} */
    public void reaction(String type, ReactionChanged reaction) {
        require(type, EventTypes.REACTION_SET, EventTypes.REACTION_REMOVED);
        outbox.add("post", reaction.postId(), type, reaction);
    }

    /** @param type {@link EventTypes#GROUP_CREATED} or {@code _UPDATED} */
    public void group(String type, GroupChanged group) {
        require(type, EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED);
        outbox.add("group", group.groupId(), type, group);
    }

    /** @param type {@link EventTypes#MEMBER_ADDED} or {@code _REMOVED} */
    public void membership(String type, MembershipChanged membership) {
        require(type, EventTypes.MEMBER_ADDED, EventTypes.MEMBER_REMOVED);
        outbox.add("group", membership.groupId(), type, membership);
    }

    /** @param type {@link EventTypes#FOLLOW_ADDED} or {@code _REMOVED} */
    public void follow(String type, FollowChanged follow) {
        require(type, EventTypes.FOLLOW_ADDED, EventTypes.FOLLOW_REMOVED);
        outbox.add("follow", follow.followerId(), type, follow);
    }

    private static void require(String type, String... allowed) {
        if (!List.of(allowed).contains(type)) {
            throw new IllegalArgumentException("not an event type of this kind: " + type);
        }
    }
}
