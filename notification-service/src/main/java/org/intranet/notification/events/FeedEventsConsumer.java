package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.notification.domain.MentionNotifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * {@code intranet.feed} → notifications: mentions today; comments, reactions and the rest as their events appear.
 */
@ApplicationScoped
public class FeedEventsConsumer {
    private final ObjectMapper json;
    private final MentionNotifier mentions;

    FeedEventsConsumer(ObjectMapper json, MentionNotifier mentions) {
        this.json = json;
        this.mentions = mentions;
    }

    @Incoming("feed-events")
    @Blocking // ordered per partition
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class) // transient faults; then the DLQ
    public void on(ConsumerRecord<String, String> record) {
        CloudEventRecord event = CloudEventRecord.of(record);
        switch (event.type()) {
            case EventTypes.POST_PUBLISHED -> mentions.postPublished(event.id(), event.data(json, PostPublished.class));
            default -> {
                // types this service does not use
            }
        }
    }
}
