package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.post.published.v1}.
 *
 * @param audience   who may see the post, as principals: {@code all}, {@code group:<id>}, {@code dept:<name>},
 *                   {@code loc:<name>}, {@code user:<id>}; every read path filters by it
 * @param body       sanitized HTML, safe to render
 * @param mentions   employee ids resolved from {@code @handles}
 * @param hashtags   lower-case tags without the {@code #}
 * @param links      link attachments (added in v1 later: older events have none)
 * @param recipients who a {@code RECOGNITION} is for (null for other kinds and in older events)
 * @param value      the company value a {@code RECOGNITION} names (null otherwise)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostPublished(
        String postId,
        String authorId,
        String kind,
        String body,
        String groupId,
        List<String> audience,
        List<String> mentions,
        List<String> hashtags,
        Instant createdAt,
        List<PostChanged.Link> links,
        List<String> recipients,
        String value) {
}
