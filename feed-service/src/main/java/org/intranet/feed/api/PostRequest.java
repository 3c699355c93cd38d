package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.Draft;
import org.intranet.feed.domain.Post;

/**
 * {@code POST /api/posts}: {@code {"kind":"UPDATE","body":"…","groupId":null,"links":[{"url":"…","title":"…"}]}};
 * a recognition adds {@code "recipients":["<id>"],"value":"Own it"} and optionally {@code "badge":"rocket"}; an
 * announcement {@code "audience":{…},"mustRead":true,"pinnedUntil":…,"expiresAt":…,"publishAt":…}.
 */
public record PostRequest(
        @NotNull Post.Kind kind,
        @NotBlank @Size(max = 10_000) String body,
        @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a group id") String groupId,
        @Size(max = PostRequest.MAX_LINKS) List<@Valid @NotNull LinkRequest> links,
        @Size(max = PostRequest.MAX_RECIPIENTS) List<@NotBlank @Size(max = 64) String> recipients,
        @Size(max = 100) String value,
        @Size(max = 40) String badge,
        @Valid AudienceRequest audience,
        Boolean mustRead,
        Instant pinnedUntil,
        Instant expiresAt,
        Instant publishAt) {

    public static final int MAX_LINKS = 5;
    public static final int MAX_RECIPIENTS = 20;

    public Draft toDraft() {
        return new Draft(kind, body, groupId, links == null ? List.of() : links.stream().map(LinkRequest::toLink)
                .toList(), recipients == null ? List.of() : recipients, value, badge, announcement());
    }

    private Draft.Announcement announcement() {
        if (audience == null && mustRead == null && pinnedUntil == null && expiresAt == null && publishAt == null) {
            return null;
        }
        AudienceRequest to = audience == null ? new AudienceRequest(null, null, null, null) : audience;
        return new Draft.Announcement(Boolean.TRUE.equals(to.everyone()), AudienceRequest.orEmpty(to.departments()),
                AudienceRequest.orEmpty(to.locations()), AudienceRequest.orEmpty(to.groups()),
                Boolean.TRUE.equals(mustRead), pinnedUntil, expiresAt, publishAt);
    }
}
