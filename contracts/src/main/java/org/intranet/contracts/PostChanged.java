package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.post.edited.v1}: the post's whole state after the edit (the new text replaces the
 * old everywhere), with its audience so a consumer can apply the visibility rule without asking feed-service.
 *
 * @param mentions employee ids resolved from the new text's {@code @handles}
 * @param links    the post's link attachments after the edit
 * @param revision 1 for the published text, +1 per edit; a consumer keeps the highest it has seen
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostChanged(
        String postId,
        String authorId,
        String kind,
        String body,
        String groupId,
        List<String> audience,
        List<String> mentions,
        List<String> hashtags,
        List<Link> links,
        int revision,
        Instant editedAt) {

    /** A link attachment: an http(s) URL and the title to show for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String url, String title) {
    }
}
