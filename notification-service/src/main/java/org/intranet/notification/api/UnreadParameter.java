package org.intranet.notification.api;

import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/** {@code unread=true|false}, parsed here so that a wrong value is a 400 naming the parameter. */
final class UnreadParameter {
    private UnreadParameter() {
    }

    /** @return true for {@code unread=true}; false when absent or {@code false} (then read and unread are listed) */
    static boolean unreadOnly(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("unread must be true or false");
        };
    }
}
