package org.intranet.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * What one employee chose about their notifications.
 *
 * @param channels         every type, with where it is delivered
 * @param mutedPosts       posts nothing is notified about (except must-read announcements)
 * @param mutedGroups      groups whose posts nothing is notified about (except must-read announcements)
 * @param subscribedGroups groups whose every new post is notified ({@code GROUP})
 * @param quietHours       when no e-mail is sent (held until they end), or null
 * @param timeZone         the zone quiet hours and the digest hour are in
 */
public record NotificationPreferences(Map<NotificationType, Channels> channels, Set<String> mutedPosts,
        Set<String> mutedGroups, Set<String> subscribedGroups, QuietHours quietHours, ZoneId timeZone,
        Digest digest) {

    public record Channels(boolean inApp, boolean email) {
    }

    /** @param from when quiet starts; after {@code to} when the quiet spans midnight (19:00 → 08:00) */
    public record QuietHours(LocalTime from, LocalTime to) {
        public boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        /** {@code now} when it is outside these quiet hours in {@code zone}; else the moment they end. */
        public Instant end(Instant now, ZoneId zone) {
            ZonedDateTime local = now.atZone(zone);
            if (!contains(local.toLocalTime())) {
                return now;
            }
            ZonedDateTime end = local.with(to);
            // quiet spanning midnight, evening side: it ends tomorrow morning
            return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
        }
    }

    /** A summary of what is still unread, by e-mail. */
    public enum Digest {
        DAILY, WEEKLY, OFF
    }
}
