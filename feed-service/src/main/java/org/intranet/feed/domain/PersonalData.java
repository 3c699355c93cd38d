package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR: everything feed-service holds that one employee wrote or did, as they may download it. Deleted posts and
 * comments are included (they are kept, hidden, until an erasure removes them).
 */
public record PersonalData(String service, String employeeId, Instant exportedAt, List<PostRow> posts,
        List<Revision> revisions, List<CommentRow> comments, List<Reaction> reactions, List<Follow> follows,
        List<Membership> groups, List<Recognition> recognitionsGiven, List<Recognition> recognitionsReceived,
        List<Receipt> announcementReceipts) {

    public record PostRow(UUID id, String kind, String body, String groupId, List<String> audience, Instant createdAt,
            Instant editedAt, Instant deletedAt) {
    }

    public record Revision(UUID postId, int revision, String body, Instant writtenAt) {
    }

    public record CommentRow(UUID id, UUID postId, UUID parentId, String body, Instant createdAt, Instant editedAt,
            Instant deletedAt) {
    }

    /** On a post, or on a comment ({@code commentId} set). */
    public record Reaction(UUID postId, UUID commentId, String type, Instant reactedAt) {
    }

    public record Follow(String kind, String target, Instant followedAt) {
    }

    public record Membership(String groupId, String name, String role, Instant joinedAt) {
    }

    public record Recognition(UUID postId, String giverId, String recipientId, String value, Instant givenAt) {
    }

    public record Receipt(UUID postId, Instant seenAt, Instant acknowledgedAt) {
    }
}
