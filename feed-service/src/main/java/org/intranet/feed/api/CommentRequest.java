package org.intranet.feed.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.CommentService;

/**
 * {@code POST /api/posts/{id}/comments}: {@code {"body":"…","parentId":null}}; a {@code parentId} makes it a reply
 * to that top-level comment of the same post.
 */
public record CommentRequest(@NotBlank @Size(max = CommentService.MAX_BODY) String body, UUID parentId) {
}
