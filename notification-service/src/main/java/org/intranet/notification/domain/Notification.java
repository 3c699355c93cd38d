package org.intranet.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notification of one recipient. Events with the same {@code groupKey} for one recipient are one notification:
 * "Alice and 4 others reacted to your post".
 *
 * @param groupKey   what makes two events the same notification (e.g. {@code reaction:post:<id>})
 * @param actorId    the latest person behind it; {@code actorCount} counts them all, each once
 * @param subject    what it is about, and who wrote that (who always may see it)
 * @param text       a short plain-text summary (never HTML), at most {@link NotificationText#MAX_LENGTH} characters
 * @param audience   the principals that may see what it is about; every read re-checks it
 * @param mustRead   an announcement its audience must acknowledge
 * @param createdAt  when it was created or last brought back to the top by a new actor
 * @param readAt     null while unread
 */
public record Notification(UUID id, String recipientId, NotificationType type, String groupKey, String actorId,
        String actorName, int actorCount, Subject subject, String text, List<String> audience, boolean mustRead,
        Instant createdAt, Instant readAt) {

    /**
     * What a notification links to. {@code postId} is set for everything about a post (a comment or a reaction too);
     * {@code groupId} for group news and posts in a group.
     *
     * @param authorId who wrote the post it is about (always may see it); null when unknown or not about a post
     */
    public record Subject(String postId, String commentId, String groupId, String authorId) {
        public static Subject post(String postId, String groupId, String authorId) {
            return new Subject(postId, null, groupId, authorId);
        }

        public static Subject comment(String postId, String commentId, String groupId, String authorId) {
            return new Subject(postId, commentId, groupId, authorId);
        }

        public static Subject group(String groupId) {
            return new Subject(null, null, groupId, null);
        }

        public static Subject none() {
            return new Subject(null, null, null, null);
        }
    }

    public boolean read() {
        return readAt != null;
    }
}
