package org.intranet.feed.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/** A link attached to a post: an absolute http(s) URL and the title to show for it. */
public record Link(String url, String title) {

    /** Checks what a pattern cannot: the URL parses, is absolute, http(s), and names a host. */
    public static Link checked(String url, String title) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("link url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidRequestException("link url must be http or https, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidRequestException("link url must name a host");
        }
        String shown = title == null || title.isBlank() ? uri.getHost() : title.strip();
        return new Link(uri.toString(), shown);
    }
}
