package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.EventConsumer;
import org.intranet.notification.domain.MentionNotifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** {@code intranet.feed} → notifications: mentions today; comments, reactions and the rest as their events appear. */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final MentionNotifier mentions;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, MentionNotifier mentions) {
        this.consumer = consumer;
        this.json = json;
        this.mentions = mentions;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> mentions.postPublished(event.id(), event.data(json, PostPublished.class));
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}
