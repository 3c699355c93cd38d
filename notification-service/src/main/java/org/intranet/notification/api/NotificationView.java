package org.intranet.notification.api;

import java.time.Instant;

import org.intranet.notification.domain.Notification;

/** A notification as clients see it; {@code text} is plain text: render it as text, never as HTML. */
public record NotificationView(String id, String type, String actorId, String actorName, String postId,
        String groupId, String text, boolean read, Instant createdAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id().toString(), n.type().name(), n.actorId(), n.actorName(), n.postId(),
                n.groupId(), n.text(), n.read(), n.createdAt());
    }
}
