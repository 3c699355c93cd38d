package org.intranet.search.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.search.domain.Indexing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/** {@code intranet.feed} → the posts index. Same failure handling as {@link ProfileEventsConsumer}. */
@ApplicationScoped
public class FeedEventsConsumer {
    private final ObjectMapper json;
    private final Indexing indexing;

    FeedEventsConsumer(ObjectMapper json, Indexing indexing) {
        this.json = json;
        this.indexing = indexing;
    }

    @Incoming("feed-events")
    @Blocking                                                   // ordered per partition
    @Retry(maxRetries = 8, delay = 250, maxDuration = 120_000, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30_000)
    public void on(ConsumerRecord<String, String> record) {
        CloudEventRecord event = CloudEventRecord.of(record);
        switch (event.type()) {
            case EventTypes.POST_PUBLISHED -> indexing.postPublished(event.id(), event.data(json, PostPublished.class));
            default -> { }                                       // types this service does not use
        }
    }
}
