package org.intranet.notification.api;

public record UnreadCount(long count) {
}
