package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.domain.NotificationPreferences.Channels;
import org.intranet.notification.store.PreferenceStore;

/**
 * Each employee's choices, and the defaults for whoever made none ({@link DefaultPreferences}). A must-read
 * announcement ignores them: it has to reach its audience.
 */
@ApplicationScoped
public class Preferences {
    private final PreferenceStore store;
    private final ZoneId defaultZone;
    private final Clock clock = Clock.systemUTC();

    Preferences(PreferenceStore store, NotificationConfig config) {
        this.store = store;
        this.defaultZone = config.defaultTimeZone();
    }

    /** Every type, with what the employee chose or else the default. */
    public NotificationPreferences of(String employeeId) {
        return store.find(employeeId, defaultZone).map(Preferences::completed)
                .orElseGet(() -> DefaultPreferences.of(defaultZone));
    }

    /** What someone who chose nothing gets. */
    public NotificationPreferences defaults() {
        return DefaultPreferences.of(defaultZone);
    }

    @Transactional
    public NotificationPreferences replace(String employeeId, NotificationPreferences chosen) {
        NotificationPreferences complete = completed(chosen);
        store.save(employeeId, complete, Instant.now(clock));
        return complete;
    }

    /** Whether a notification of this type about this subject goes into the employee's list. */
    public boolean wantsInApp(String employeeId, NotificationType type, Notification.Subject subject,
            boolean mustRead) {
        if (mustRead) {
            return true;
        }
        return store.inAppChoice(employeeId, type, subject.postId(), subject.groupId())
                .map(c -> !c.mutedPost() && !c.mutedGroup()
                        && (c.inApp() != null ? c.inApp() : DefaultPreferences.of(type).inApp()))
                .orElse(DefaultPreferences.of(type).inApp());
    }

    /** Who asked to hear of every new post in the group. */
    public List<String> subscribersOf(String groupId) {
        return store.subscribersOf(groupId);
    }

    /** Erasure. */
    public void forget(String employeeId) {
        store.forget(employeeId);
    }

    private static NotificationPreferences completed(NotificationPreferences p) {
        Map<NotificationType, Channels> channels = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            channels.put(type, p.channels().getOrDefault(type, DefaultPreferences.of(type)));
        }
        return new NotificationPreferences(channels, p.mutedPosts(), p.mutedGroups(), p.subscribedGroups(),
                p.quietHours(), p.timeZone(), p.digest());
    }
}
