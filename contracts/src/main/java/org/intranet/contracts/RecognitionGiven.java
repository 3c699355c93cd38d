package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.recognition.given.v1}: someone recognised colleagues for one of the company's
 * values. Keyed by post id, after the post's {@code post.published}.
 *
 * @param recipients employee ids recognised (1 to 20, never the author)
 * @param value      the company value, as configured ({@code GET /api/recognition/values})
 * @param badge      the badge chosen, or null
 * @param audience   who may see the recognition (principals, as on the post): a recipient outside it is not told
 * @param body       the post's sanitized HTML
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecognitionGiven(
        String postId,
        String authorId,
        List<String> recipients,
        String value,
        String badge,
        String groupId,
        List<String> audience,
        String body,
        Instant givenAt) {
}
