package org.intranet.search.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.EventConsumer;
import org.intranet.search.domain.Indexing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** {@code intranet.feed} → the posts index; poison goes to its dead-letter topic. */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final Indexing indexing;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, Indexing indexing) {
        this.consumer = consumer;
        this.json = json;
        this.indexing = indexing;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> indexing.postPublished(event.id(), event.data(json, PostPublished.class));
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}
