package org.intranet.kit.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.kit.config.ConsumerConfig;
import org.intranet.kit.domain.DependencyUnavailableException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consuming a batch of records at a time, for a consumer whose work is cheaper in bulk (search writes one
 * {@code _bulk} per batch). The method is {@code @Incoming} + {@code @Blocking} with a {@link KafkaRecordBatch}
 * parameter and returns what {@link #consume} returns; the channel sets {@code batch=true}.
 *
 * <ul>
 * <li>A record that is not a CloudEvent, and an event the handler {@linkplain Rejections#reject rejects}, go to the
 * channel's dead-letter topic one by one; the rest of the batch is acknowledged.</li>
 * <li>A {@link DependencyUnavailableException} (the engine or the database away) pauses the batch: it is tried again
 * with backoff, for as long as it takes, and nothing is acknowledged meanwhile, so a stop loses nothing (the
 * committed offset stays before the batch) and no event is dead-lettered for an outage.</li>
 * <li>Any other failure is retried as {@code intranet.consumers.retry.*} says; if it persists, the events are handled
 * one at a time so the one that fails goes to the dead-letter topic alone.</li>
 * </ul>
 * Handlers must be idempotent over a whole batch: after a pause, the batch is handled again from its start.
 */
@ApplicationScoped
public class BatchEventConsumer {
    private static final Logger LOG = Logger.getLogger(BatchEventConsumer.class);

    private final ConsumerConfig config;
    private final MeterRegistry metrics;

    BatchEventConsumer(ConsumerConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Handles events in their order; may reject some (they go to the dead-letter topic) and throw for the rest. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<CloudEventRecord> events, Rejections rejections);
    }

    /** The events a handler refused, with why: poison for this consumer, never worth retrying. */
    public static final class Rejections {
        private final Map<CloudEventRecord, RuntimeException> rejected = new IdentityHashMap<>();

        public void reject(CloudEventRecord event, RuntimeException reason) {
            rejected.putIfAbsent(event, reason);
        }
    }

    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, String channel, Handler handler) {
        List<CloudEventRecord> events = new ArrayList<>();
        Map<CloudEventRecord, KafkaRecord<String, String>> sources = new IdentityHashMap<>();
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumerRecord<String, String> consumerRecord = consumerRecord(record);
            if (EventConsumer.isTombstone(consumerRecord)) {
                continue;
            }
            try {
                CloudEventRecord event = CloudEventRecord.of(consumerRecord);
                events.add(event);
                sources.put(event, record);
            } catch (PoisonEventException e) {
                deadLetters.add(deadLetter(channel, record, e));
            }
        }
        long started = System.nanoTime();
        Rejections rejections = handle(events, channel, handler);
        metrics.timer("intranet.consumer.batch.time", "channel", channel).record(System.nanoTime() - started,
                TimeUnit.NANOSECONDS);
        metrics.summary("intranet.consumer.batch.size", "channel", channel).record(batch.getRecords().size());
        // from the oldest record's broker timestamp to now: how far behind the log this consumer's effects are
        batch.getRecords().stream().mapToLong(r -> r.getTimestamp().toEpochMilli()).min()
                .ifPresent(oldest -> metrics.timer("intranet.consumer.lag", "channel", channel)
                        .record(Math.max(0, System.currentTimeMillis() - oldest), TimeUnit.MILLISECONDS));
        rejections.rejected.forEach((event, reason) -> deadLetters.add(deadLetter(channel, sources.get(event), reason)));
        // the dead letters are written before the batch's offsets are committed: a crash between them redelivers
        // the batch (handled again, idempotently) rather than losing a rejected event
        return CompletableFuture.allOf(deadLetters.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    private Rejections handle(List<CloudEventRecord> events, String channel, Handler handler) {
        if (events.isEmpty()) {
            return new Rejections();
        }
        long started = System.nanoTime();
        int failures = 0;
        int pauses = 0;
        while (true) {
            Rejections rejections = new Rejections();
            try {
                handler.handle(events, rejections);
                if (pauses > 0) {
                    LOG.infof("%s: resumed after %d attempts (%.1f s paused), %d events handled", channel, pauses,
                            (System.nanoTime() - started) / 1e9, events.size());
                }
                return rejections;
            } catch (DependencyUnavailableException e) {
                pauses++;
                metrics.counter("intranet.consumer.paused", "channel", channel).increment();
                Duration wait = backoff(pauses);
                LOG.warnf("%s: %s is away (%s); batch of %d events paused, attempt %d, next in %d ms", channel,
                        e.dependency(), e.getMessage(), events.size(), pauses, wait.toMillis());
                sleep(wait);
            } catch (PoisonEventException e) {
                return oneByOne(events, channel, handler, e);
            } catch (RuntimeException e) {
                failures++;
                if (failures > config.maxRetries()
                        || Duration.ofNanos(System.nanoTime() - started).compareTo(config.maxDuration()) > 0) {
                    return oneByOne(events, channel, handler, e);
                }
                LOG.warnf(e, "%s: batch of %d events failed, attempt %d", channel, events.size(), failures);
                sleep(backoff(failures));
            }
        }
    }

    /** Isolates what failed the batch: each event alone, the one that still fails rejected by itself. */
    private Rejections oneByOne(List<CloudEventRecord> events, String channel, Handler handler, RuntimeException why) {
        if (events.size() == 1) {
            Rejections rejections = new Rejections();
            rejections.reject(events.get(0), why);
            return rejections;
        }
        LOG.warnf("%s: a batch of %d events failed (%s); handling them one at a time", channel, events.size(),
                why.toString());
        Rejections all = new Rejections();
        for (CloudEventRecord event : events) {
            handle(List.of(event), channel, handler).rejected.forEach(all::reject);
        }
        return all;
    }

    private Duration backoff(int attempt) {
        long base = config.delay().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, config.maxDelay().toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(config.jitter().toMillis() + 1));
    }

    private CompletionStage<Void> deadLetter(String channel, KafkaRecord<String, String> record, Exception reason) {
        metrics.counter("intranet.consumer.dead.letters", "channel", channel).increment();
        LOG.warnf("%s: offset %d of %s-%d goes to the dead-letter topic: %s", channel,
                consumerRecord(record).offset(), record.getTopic(), record.getPartition(), reason.getMessage());
        return record.nack(reason);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("not an incoming Kafka record: " + record));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a batch", e);
        }
    }
}
