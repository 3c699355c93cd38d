package org.intranet.feed.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.Edit;

/** {@code PATCH /api/posts/{id}}: a new body, new links, or both; an absent field is left as it is. */
public record PostEditRequest(
        @Size(max = 10_000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body,
        @Size(max = PostRequest.MAX_LINKS) List<@Valid @NotNull LinkRequest> links) {

    public Edit toEdit() {
        return new Edit(body, links == null ? null : links.stream().map(LinkRequest::toLink).toList());
    }
}
