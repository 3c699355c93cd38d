package org.intranet.feed.domain;

import java.util.Arrays;
import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/** The reactions a person can leave, one per post or comment. */
public enum ReactionType {
    LIKE, CELEBRATE, SUPPORT, INSIGHTFUL, FUNNY;

    /** Accepts any case; anything else is a 400 that lists the types. */
    public static ReactionType parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("unknown reaction type '" + value + "'; use one of "
                    + Arrays.toString(values()));
        }
    }
}
