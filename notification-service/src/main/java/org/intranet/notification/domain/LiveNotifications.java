package org.intranet.notification.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.kit.visibility.Readers;
import org.intranet.notification.store.NotificationStore;
import org.intranet.notification.store.PgSignals;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Pushes new notifications to the live streams of their recipient, on every replica. The transaction that writes a
 * notification also signals it ({@link PgSignals}: PostgreSQL delivers the signal on commit, to every replica, never
 * for a rollback); each replica pushes it to the streams connected to it. Whichever replica consumed the event, a
 * client connected to any replica gets it. A published announcement is signalled once; each replica then writes and
 * pushes the notifications of the people connected to it.
 */
@ApplicationScoped
public class LiveNotifications {
    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);
    private static final String NOTIFICATION = "n:";
    private static final String BROADCAST = "b:";
    private final ConcurrentHashMap<String, Set<Consumer<Notification>>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final PgSignals signals;
    private final NotificationStore notifications;
    private final Announcements announcements;
    private final Readers readers;

    LiveNotifications(PgSignals signals, NotificationStore notifications, Announcements announcements,
            Readers readers, MeterRegistry registry) {
        this.signals = signals;
        this.notifications = notifications;
        this.announcements = announcements;
        this.readers = readers;
        registry.gauge("intranet.notifications.streams.open", open);
        registry.gauge("intranet.notifications.signals.connected", signals, s -> s.connected() ? 1 : 0);
    }

    void start(@Observes StartupEvent startup) {
        signals.listen(this::signalled);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        signals.stop();
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
        return () -> listeners.computeIfPresent(recipientId, (id, set) -> {
            if (set.remove(listener)) {
                open.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** In the writing transaction: the signal goes out when it commits. */
    void created(@Observes NotificationCreated created) {
        Notification n = created.notification();
        signals.send(NOTIFICATION + n.id() + ":" + n.recipientId());
    }

    void published(@Observes Announcements.Published published) {
        signals.send(BROADCAST + published.postId());
    }

    /** On the signal thread of every replica. */
    void signalled(String payload) {
        if (payload.startsWith(NOTIFICATION)) {
            // n:<uuid>:<recipient>: a recipient id may contain ':', a uuid cannot
            int colon = payload.indexOf(':', NOTIFICATION.length());
            if (colon > 0 && listeners.containsKey(payload.substring(colon + 1))) {
                notifications.find(UUID.fromString(payload.substring(NOTIFICATION.length(), colon)))
                        .ifPresent(this::push);
            }
        } else if (payload.startsWith(BROADCAST)) {
            // one write per connected person: on a worker, so pushes keep flowing on this thread meanwhile
            List<String> connected = List.copyOf(listeners.keySet());
            Infrastructure.getDefaultWorkerPool().execute(() -> deliver(connected));
        } else {
            LOG.debugf("unknown signal %s", payload);
        }
    }

    /** Each one's notification is pushed when its own signal comes back after the commit. */
    private void deliver(List<String> connected) {
        for (String recipientId : connected) {
            try {
                announcements.deliver(readers.ofEmployee(recipientId));
            } catch (RuntimeException e) {
                LOG.warnf("announcement not delivered live to %s (they get it when they next look): %s", recipientId,
                        e.getMessage());
            }
        }
    }

    private void push(Notification notification) {
        Set<Consumer<Notification>> streams = listeners.get(notification.recipientId());
        if (streams == null) {
            return;
        }
        for (Consumer<Notification> stream : streams) {
            try {
                stream.accept(notification);
            } catch (RuntimeException e) {
                // one broken stream must not keep the others from their notification
                LOG.debugf("live stream of %s refused a notification: %s", notification.recipientId(),
                        e.getMessage());
            }
        }
    }
}
