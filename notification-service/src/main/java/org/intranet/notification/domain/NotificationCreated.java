package org.intranet.notification.domain;

/** Fired (CDI) inside the transaction that stored the notification; observed after it commits. */
public record NotificationCreated(Notification notification) {
}
