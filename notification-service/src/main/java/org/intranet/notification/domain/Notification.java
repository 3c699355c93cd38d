package org.intranet.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notification of one recipient.
 *
 * @param authorId the author of the post it is about (who always may see it)
 * @param text     a short plain-text summary (never HTML), at most {@link NotificationText#MAX_LENGTH} characters
 * @param audience the principals that may see the post it is about; every read re-checks it
 * @param readAt   null while unread
 */
public record Notification(UUID id, String recipientId, NotificationType type, String actorId, String actorName,
        String postId, String authorId, String groupId, String text, List<String> audience, Instant createdAt,
        Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
