package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.follow.added.v1} and {@code .removed.v1}, keyed by the follower.
 *
 * @param kind   {@code PERSON} (target is an employee id) or {@code TOPIC} (target is a lower-case tag)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FollowChanged(
        String followerId,
        String kind,
        String target,
        Instant at) {
}
