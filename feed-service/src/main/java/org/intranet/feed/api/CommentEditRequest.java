package org.intranet.feed.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.CommentService;

/** {@code PATCH /api/posts/{id}/comments/{commentId}}: the new text, {@code {"body":"…"}}. */
public record CommentEditRequest(@NotBlank @Size(max = CommentService.MAX_BODY) String body) {
}
