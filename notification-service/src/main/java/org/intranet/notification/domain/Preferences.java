package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Where one notification goes, from one read of the employee's choices.
     *
     * @param inApp   into their list (always for a must-read)
     * @param emailAt when to e-mail it: the first moment outside their quiet hours; null when not by e-mail
     */
    public record Route(boolean inApp, Instant emailAt) {
    }

    /**
     * Muted posts and groups silence both channels (a must-read still reaches the list). Announcements are e-mailed
     * as must-read reminders only ({@link #remindByEmail}).
     */
    public Route route(String employeeId, NotificationType type, Notification.Subject subject, boolean mustRead,
            Instant now) {
        Optional<PreferenceStore.Choice> choice = store.choice(employeeId, type, subject.postId(),
                subject.groupId());
        boolean muted = choice.map(c -> c.mutedPost() || c.mutedGroup()).orElse(false);
        boolean inApp = mustRead || !muted && choice.map(PreferenceStore.Choice::inApp)
                .orElse(DefaultPreferences.of(type).inApp());
        boolean email = !muted && type != NotificationType.ANNOUNCEMENT
                && choice.map(PreferenceStore.Choice::email)
                        .orElse(DefaultPreferences.of(type).email());
        return new Route(inApp, email ? choice.map(c -> outsideQuietHours(c, now)).orElse(now) : null);
    }

    /** The first moment from {@code now} outside the employee's quiet hours (now, when they have none). */
    public Instant outsideQuietHours(String employeeId, Instant now) {
        NotificationPreferences p = of(employeeId);
        return p.quietHours() == null ? now : p.quietHours().end(now, p.timeZone());
    }

    private Instant outsideQuietHours(PreferenceStore.Choice c, Instant now) {
        if (c.quietFrom() == null || c.quietTo() == null) {
            return now;
        }
        return new NotificationPreferences.QuietHours(c.quietFrom(), c.quietTo()).end(now,
                c.zone() == null ? defaultZone : ZoneId.of(c.zone()));
    }

    /**
     * One-click unsubscribe: stops e-mail of one type, or the digest. @return false when the scope names nothing
     * that can be stopped
     */
    @Transactional
    public boolean unsubscribe(String employeeId, String scope) {
        NotificationPreferences current = of(employeeId);
        NotificationPreferences changed;
        if (UnsubscribeTokens.DIGEST.equals(scope)) {
            changed = new NotificationPreferences(current.channels(), current.mutedPosts(), current.mutedGroups(),
                    current.subscribedGroups(), current.quietHours(), current.timeZone(),
                    NotificationPreferences.Digest.OFF);
        } else {
            NotificationType type;
            try {
                type = NotificationType.valueOf(scope);
            } catch (IllegalArgumentException e) {
                return false;
            }
            Map<NotificationType, Channels> channels = new EnumMap<>(current.channels());
            channels.put(type, new Channels(channels.get(type).inApp(), false));
            changed = new NotificationPreferences(channels, current.mutedPosts(), current.mutedGroups(),
                    current.subscribedGroups(), current.quietHours(), current.timeZone(), current.digest());
        }
        store.save(employeeId, changed, Instant.now(clock));
        return true;
    }

    /**
     * Whether a must-read reminder may be e-mailed: that is what e-mail means for {@code ANNOUNCEMENT} (announcements
     * themselves reach people in the app, when they look; e-mailing each would need a row per person at once).
     */
    public boolean remindByEmail(String employeeId) {
        return store.choice(employeeId, NotificationType.ANNOUNCEMENT, null, null)
                .map(c -> c.email() != null ? c.email() : DefaultPreferences.of(NotificationType.ANNOUNCEMENT).email())
                .orElse(DefaultPreferences.of(NotificationType.ANNOUNCEMENT).email());
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
