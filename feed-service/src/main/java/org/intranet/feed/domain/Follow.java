package org.intranet.feed.domain;

import java.time.Instant;

/**
 * Something someone follows: a person ({@code target} is their id) or a topic ({@code target} is the lower-case tag).
 *
 * @param name   the person's name (null for a topic)
 * @param handle the person's handle (null for a topic)
 */
public record Follow(String kind, String target, String name, String handle, Instant followedAt) {
    public static final String PERSON = "PERSON";
    public static final String TOPIC = "TOPIC";

    /** A person's follower counts, and whether the viewer is one of the followers. */
    public record Counts(String employeeId, int followers, int following, boolean followedByMe) {
    }
}
