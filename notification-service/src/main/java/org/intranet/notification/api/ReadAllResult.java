package org.intranet.notification.api;

/** @param updated how many notifications were unread and are now read */
public record ReadAllResult(int updated) {
}
