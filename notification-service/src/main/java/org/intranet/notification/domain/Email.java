package org.intranet.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One e-mail to send to one employee; what it says is rendered when it is sent.
 *
 * @param notificationId what a {@code NOTIFICATION} or {@code REMINDER} is about
 * @param since          a {@code DIGEST} covers unread notifications created after this
 * @param dueAt          not sent before (quiet hours, the next retry)
 */
public record Email(UUID id, String recipientId, Kind kind, UUID notificationId, Instant since, Instant dueAt,
        int attempts) {

    public enum Kind {
        NOTIFICATION, DIGEST, REMINDER
    }
}
