package org.intranet.feed.api;

import org.intranet.kit.domain.InvalidRequestException;

/** {@code limit} of a list: 1 to 100. Taken as text so that {@code limit=ten} is a 400, not a missing resource. */
final class PageLimit {
    static final int MAX = 100;

    private PageLimit() {
    }

    static int parse(String limit) {
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("limit must be a number from 1 to " + MAX);
        }
        if (value < 1 || value > MAX) {
            throw new InvalidRequestException("limit must be a number from 1 to " + MAX);
        }
        return value;
    }
}
