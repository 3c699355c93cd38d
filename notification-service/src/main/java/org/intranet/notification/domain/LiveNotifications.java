package org.intranet.notification.domain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * In-process push of new notifications to the live streams of their recipient, on this replica. Listeners are kept
 * per recipient, so a notification reaches only its recipient's streams and costs nothing for anyone else's.
 * A notification is pushed only once its transaction has committed: a rolled-back one is never announced.
 */
@Startup // registers its meters at boot, so dashboards see zeros rather than nothing
@ApplicationScoped
public class LiveNotifications {
    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);
    private final ConcurrentHashMap<String, Set<Consumer<Notification>>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    LiveNotifications(MeterRegistry registry) {
        registry.gauge("intranet.notifications.streams.open", open);
    }

    /** @return closes the registration; call it when the stream ends */
    public Runnable listen(String recipientId, Consumer<Notification> listener) {
        // add inside compute: a concurrent last unregistration cannot drop the set this listener joins
        listeners.compute(recipientId, (id, set) -> {
            Set<Consumer<Notification>> streams = set != null ? set : ConcurrentHashMap.newKeySet();
            streams.add(listener);
            return streams;
        });
        open.incrementAndGet();
        return () -> {
            listeners.computeIfPresent(recipientId, (id, set) -> {
                if (set.remove(listener)) {
                    open.decrementAndGet();
                }
                return set.isEmpty() ? null : set;
            });
        };
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        Notification notification = created.notification();
        Set<Consumer<Notification>> streams = listeners.get(notification.recipientId());
        if (streams == null) {
            return;
        }
        for (Consumer<Notification> stream : streams) {
            try {
                stream.accept(notification);
            } catch (RuntimeException e) {
                // one broken stream must not keep the others (or the consumer) from their notification
                LOG.debugf("live stream of %s refused a notification: %s", notification.recipientId(), e.getMessage());
            }
        }
    }
}
