package org.intranet.kit.events;

import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.kit.config.ConsumerConfig;

import io.smallrye.faulttolerance.api.Guard;

/**
 * The one way to consume: a {@code @Incoming} + {@code @Blocking} method (blocking keeps one partition's events in
 * order) hands its record here. The record is read as a CloudEvent and given to the handler; a transient failure is
 * retried with exponential backoff as {@code intranet.consumers.retry.*} says; a {@link PoisonEventException}, or
 * a failure that outlasts the retries, is thrown back to messaging, whose failure strategy sends it to the
 * dead-letter topic.
 */
@ApplicationScoped
public class EventConsumer {
    private final Guard retry;

    EventConsumer(ConsumerConfig config) {
        this.retry = Guard.create()
                .withDescription("event consumer")
                .withRetry()
                .maxRetries(config.maxRetries())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(config.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .abortOn(PoisonEventException.class)
                .withExponentialBackoff().factor(2).maxDelay(config.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    public void consume(ConsumerRecord<String, String> record, Consumer<CloudEventRecord> handler) {
        if (isTombstone(record)) {
            // a compacted topic's marker that the key's earlier records are gone; the event that caused it (an
            // erasure) came before it and was handled then
            return;
        }
        CloudEventRecord event = CloudEventRecord.of(record);
        retry.get(() -> {
            handler.accept(event);
            return null;
        }, Void.class);
    }

    /** No value and no CloudEvent headers: a tombstone. A CloudEvent without data is still poison. */
    static boolean isTombstone(ConsumerRecord<String, String> record) {
        return record.value() == null && record.headers().lastHeader("ce_id") == null;
    }
}
