package org.intranet.feed.domain;

import java.util.List;

/** What an author asked to publish, already validated for shape (not yet for rules). */
public record Draft(Post.Kind kind, String body, String groupId, List<Link> links) {
}
