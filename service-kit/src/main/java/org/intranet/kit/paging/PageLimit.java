package org.intranet.kit.paging;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * The {@code limit} of every list: 1 to 100, 20 when absent. Taken as text so that {@code limit=ten} is a 400
 * naming the parameter, not a JAX-RS conversion failure.
 */
public final class PageLimit {
    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw new InvalidRequestException("limit must be a whole number from 1 to " + MAX);
    }
}
