package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.notification.store.EmailStore;

/**
 * Queues the e-mail of a notification its recipient wants by e-mail, in the transaction that wrote it (so a
 * notification rolled back is never e-mailed), due when their quiet hours allow. A notification that changes while
 * its e-mail waits (another reaction) keeps the one e-mail, which shows its latest state.
 */
@ApplicationScoped
public class EmailChannel {
    private final Preferences preferences;
    private final EmailStore emails;
    private final Clock clock = Clock.systemUTC();

    EmailChannel(Preferences preferences, EmailStore emails) {
        this.preferences = preferences;
        this.emails = emails;
    }

    void created(@Observes NotificationCreated created) {
        Notification n = created.notification();
        Instant now = Instant.now(clock);
        preferences.emailAt(n, now).ifPresent(at -> emails.enqueue(new Email(UUID.randomUUID(), n.recipientId(),
                Email.Kind.NOTIFICATION, n.id(), null, at, 0), now));
    }
}
