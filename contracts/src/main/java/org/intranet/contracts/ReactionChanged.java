package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.reaction.set.v1} and {@code .removed.v1}: one person's reaction on a post or a
 * comment. Each person has at most one reaction per post or comment; switching type is one {@code set} with the
 * previous type.
 *
 * @param commentId      null for a reaction on the post itself
 * @param targetAuthorId the author of what was reacted to
 * @param type           {@code LIKE}, {@code CELEBRATE}, {@code SUPPORT}, {@code INSIGHTFUL}, {@code FUNNY}
 * @param previousType   on {@code set}, the type it replaced (null for a new reaction)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionChanged(
        String postId,
        String commentId,
        String employeeId,
        String targetAuthorId,
        String type,
        String previousType,
        String groupId,
        List<String> audience,
        Instant at) {
}
