package org.intranet.notification.domain;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.intranet.notification.domain.NotificationPreferences.Channels;
import org.intranet.notification.domain.NotificationPreferences.Digest;

/**
 * Defaults that do not flood: everything in the app; by e-mail only what is addressed to the person alone (mentions,
 * recognition) and the reminder of a must-read left unacknowledged; a weekly digest of the rest that is still unread.
 * Must-read announcements reach everyone's list whatever they chose.
 */
final class DefaultPreferences {
    private static final Map<NotificationType, Channels> CHANNELS = new EnumMap<>(Map.of(
            NotificationType.MENTION, new Channels(true, true),
            NotificationType.COMMENT, new Channels(true, false),
            NotificationType.REACTION, new Channels(true, false),
            NotificationType.RECOGNITION, new Channels(true, true),
            // e-mail for announcements means the reminder of an unacknowledged must-read
            NotificationType.ANNOUNCEMENT, new Channels(true, true),
            NotificationType.FOLLOW, new Channels(true, false),
            NotificationType.GROUP, new Channels(true, false)));

    private DefaultPreferences() {
    }

    static Channels of(NotificationType type) {
        return CHANNELS.get(type);
    }

    static NotificationPreferences of(ZoneId zone) {
        return new NotificationPreferences(new EnumMap<>(CHANNELS), Set.of(), Set.of(), Set.of(), null, zone,
                Digest.WEEKLY);
    }
}
