package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.comment.added.v1}, {@code .edited.v1} and {@code .deleted.v1}: the comment's
 * state, with its post's author and audience so notification and search need not ask feed-service.
 *
 * @param parentId       the top-level comment this one replies to, or null
 * @param parentAuthorId the author of that top-level comment, or null
 * @param mentions       employee ids resolved from the comment's {@code @handles}
 * @param deletedBy      set on {@code deleted} only
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentChanged(
        String commentId,
        String postId,
        String parentId,
        String authorId,
        String postAuthorId,
        String parentAuthorId,
        String body,
        String groupId,
        List<String> audience,
        List<String> mentions,
        String deletedBy,
        Instant at) {
}
