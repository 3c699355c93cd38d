package org.intranet.search.events;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.kit.events.BatchEventConsumer;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.search.domain.AuthorNames;
import org.intranet.search.domain.Indexing;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * {@code intranet.profile} → the employees read-copy and the people index, a batch at a time; poison goes to its
 * dead-letter topic, an engine outage pauses consumption.
 */
@ApplicationScoped
public class ProfileEventsConsumer {
    private final BatchEventConsumer consumer;
    private final Indexing indexing;
    private final AuthorNames names;

    ProfileEventsConsumer(BatchEventConsumer consumer, Indexing indexing, AuthorNames names) {
        this.consumer = consumer;
        this.indexing = indexing;
        this.names = names;
    }

    @Incoming("profile-events")
    @Blocking // one batch at a time, in partition order
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch, "profile-events", (events, rejections) -> {
            indexing.profile(events, rejections);
            // after the commit: a search that reads the copy now reads the new names
            names.forget(events.stream().map(CloudEventRecord::subject).filter(Objects::nonNull).toList());
        });
    }
}
