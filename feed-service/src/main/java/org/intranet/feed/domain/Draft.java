package org.intranet.feed.domain;

import java.util.List;

/**
 * What an author asked to publish, already validated for shape (not yet for rules).
 *
 * @param recipients a recognition's recipients (empty for other kinds)
 * @param value      a recognition's company value, as the author typed it (null for other kinds)
 * @param badge      a recognition's badge, or null
 */
public record Draft(Post.Kind kind, String body, String groupId, List<Link> links, List<String> recipients,
        String value, String badge) {
}
