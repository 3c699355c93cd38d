package org.intranet.feed.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.intranet.feed.domain.FeedItem;
import org.intranet.kit.visibility.Audience;

/**
 * What an announcement adds to a post view: its audience (as it was asked for), must-read, pinned, expiry, its
 * schedule while scheduled, and the reader's own receipt ({@code seen}, {@code acknowledged}).
 */
public record AnnouncementView(AudienceView audience, boolean mustRead, Instant pinnedUntil, Instant expiresAt,
        Instant publishAt, boolean seen, boolean acknowledged, Instant acknowledgedAt) {

    public record AudienceView(boolean everyone, List<String> departments, List<String> locations,
            List<String> groups) {
    }

    static AnnouncementView of(FeedItem.Announcement a) {
        return new AnnouncementView(audience(a.audience()), a.mustRead(), a.pinnedUntil(), a.expiresAt(),
                a.publishAt(), a.seenAt() != null, a.acknowledgedAt() != null, a.acknowledgedAt());
    }

    private static AudienceView audience(List<String> principals) {
        List<String> departments = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        boolean everyone = false;
        for (String p : principals) {
            if (Audience.EVERYONE.equals(p)) {
                everyone = true;
            } else if (p.startsWith(Audience.department(""))) {
                departments.add(p.substring(Audience.department("").length()));
            } else if (p.startsWith(Audience.location(""))) {
                locations.add(p.substring(Audience.location("").length()));
            } else if (p.startsWith(Audience.group(""))) {
                groups.add(p.substring(Audience.group("").length()));
            }
        }
        return new AudienceView(everyone, departments, locations, groups);
    }
}
