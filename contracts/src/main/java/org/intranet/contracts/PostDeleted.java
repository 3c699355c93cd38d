package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.post.deleted.v1}: the post is gone for everyone (its comments and reactions with
 * it); consumers drop what they hold about it.
 *
 * @param deletedBy the author, an owner of the post's group, or an admin
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostDeleted(
        String postId,
        String authorId,
        String groupId,
        List<String> audience,
        String deletedBy,
        Instant deletedAt) {
}
