package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.post.mentioned.v1}: {@code @handles} of a post or comment that named nobody the
 * feed knew when it was written (the employee's profile had not reached feed-service yet) now name these employees.
 * Mention notifications for them are due now, exactly as if the post had named them from the start.
 *
 * @param commentId null when the mention is in the post itself
 * @param authorId  who wrote the text that mentions them
 * @param mentions  only the newly resolved employee ids
 * @param postAuthorId who wrote the post (the same as {@code authorId} unless the mention is in a comment)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionsResolved(
        String postId,
        String commentId,
        String authorId,
        String body,
        String groupId,
        List<String> audience,
        List<String> mentions,
        Instant resolvedAt,
        String postAuthorId) {
}
