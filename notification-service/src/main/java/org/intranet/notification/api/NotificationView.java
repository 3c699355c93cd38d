package org.intranet.notification.api;

import java.time.Instant;

import org.intranet.notification.domain.Notification;

/**
 * A notification as clients see it; {@code text} is plain text: render it as text, never as HTML.
 *
 * @param actorId    the latest person behind it; {@code actorCount} people in all ("Alice and 4 others")
 * @param subject    what it links to: {@code POST} (id: the post), {@code COMMENT} (id: the comment, in
 *                   {@code postId}), {@code GROUP} (id: the group) or {@code PERSON} (id: the employee)
 * @param mustRead   a must-read announcement, to acknowledge on the post
 * @param createdAt  when it arrived, or last came back to the top with a new person
 */
public record NotificationView(String id, String type, String actorId, String actorName, int actorCount,
        String postId, String commentId, String groupId, Subject subject, boolean mustRead, String text,
        boolean read, Instant createdAt) {

    public record Subject(String kind, String id) {
    }

    public static NotificationView of(Notification n) {
        Notification.Subject s = n.subject();
        return new NotificationView(n.id().toString(), n.type().name(), n.actorId(), n.actorName(), n.actorCount(),
                s.postId(), s.commentId(), s.groupId(), subject(n), n.mustRead(), n.text(), n.read(), n.createdAt());
    }

    private static Subject subject(Notification n) {
        Notification.Subject s = n.subject();
        if (s.commentId() != null) {
            return new Subject("COMMENT", s.commentId());
        }
        if (s.postId() != null) {
            return new Subject("POST", s.postId());
        }
        if (s.groupId() != null) {
            return new Subject("GROUP", s.groupId());
        }
        return new Subject("PERSON", n.actorId());
    }
}
