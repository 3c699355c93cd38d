package org.intranet.feed.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the list of live announcements continues: the last item's rank (0 must-read not yet acknowledged, 1 pinned,
 * 2 the rest), then newest first.
 */
public record ActivePosition(int rank, Instant createdAt, UUID id) {
    /** Before every rank: 9999-12-31 is past any post, and the largest id breaks the tie. */
    public static final ActivePosition FIRST = new ActivePosition(-1, Instant.parse("9999-12-31T00:00:00Z"),
            new UUID(-1L, -1L));

    public static ActivePosition of(FeedItem item) {
        FeedItem.Announcement a = item.announcement();
        int rank = a.mustRead() && a.acknowledgedAt() == null ? 0
                : a.pinnedUntil() != null && a.pinnedUntil().isAfter(Instant.now()) ? 1 : 2;
        return new ActivePosition(rank, item.createdAt(), item.id());
    }
}
