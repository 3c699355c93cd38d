package org.intranet.feed.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.Link;

/** A link attachment as a client sends it; the URL must be absolute http(s) ({@link Link#checked}). */
public record LinkRequest(@NotBlank @Size(max = 2048) String url, @Size(max = 200) String title) {

    public Link toLink() {
        return Link.checked(url, title);
    }
}
