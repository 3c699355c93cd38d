package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;

/**
 * What an author asked to publish, already validated for shape (not yet for rules).
 *
 * @param recipients a recognition's recipients (empty for other kinds)
 * @param value      a recognition's company value, as the author typed it (null for other kinds)
 * @param badge      a recognition's badge, or null
 */
public record Draft(Post.Kind kind, String body, String groupId, List<Link> links, List<String> recipients,
        String value, String badge, Announcement announcement) {

    /**
     * What an announcement adds; null when none of its fields were given.
     *
     * @param everyone    the whole company; else the union of the departments, locations and groups listed
     * @param publishAt   null: at once
     */
    public record Announcement(boolean everyone, List<String> departments, List<String> locations,
            List<String> groups, boolean mustRead, Instant pinnedUntil, Instant expiresAt, Instant publishAt) {
    }
}
