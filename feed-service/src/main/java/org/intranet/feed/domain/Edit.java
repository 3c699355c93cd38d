package org.intranet.feed.domain;

import java.util.List;

/** What an author asked to change in a post: a null field stays as it is. */
public record Edit(String body, List<Link> links) {
}
