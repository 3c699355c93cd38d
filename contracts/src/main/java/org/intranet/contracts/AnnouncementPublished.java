package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.announcement.published.v1}: an HR announcement became visible to its audience (at
 * once, or at its scheduled time). Keyed by post id, after the post's {@code post.published}.
 *
 * @param audience principals: {@code all}, or any union of {@code dept:<name>}, {@code loc:<name>},
 *                 {@code group:<id>}; resolved against each service's read-copies at read time
 * @param body     sanitized HTML
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnouncementPublished(
        String postId,
        String authorId,
        List<String> audience,
        boolean mustRead,
        Instant pinnedUntil,
        Instant expiresAt,
        String body,
        Instant publishedAt) {
}
