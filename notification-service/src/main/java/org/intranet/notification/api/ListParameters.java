package org.intranet.notification.api;

import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * Query parameters of the list, parsed here rather than by JAX-RS so that a value of the wrong type is a 400
 * problem that names the parameter (a failed JAX-RS conversion would answer 404).
 */
final class ListParameters {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private ListParameters() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit must be a whole number from 1 to " + MAX_LIMIT);
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
