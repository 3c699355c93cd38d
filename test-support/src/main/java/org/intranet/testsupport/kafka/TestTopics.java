package org.intranet.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics of the test broker directly, as an outside producer or consumer would. */
public final class TestTopics {
    /** Microseconds since the epoch at start: above what an earlier run against the same node wrote. */
    private static final AtomicLong SEQUENCE =
            new AtomicLong(System.currentTimeMillis() * 1000);

    private final String bootstrapServers;

    public TestTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Waits until at least {@code atLeast} records matching {@code match} appear (reading from the beginning of the
     * topic) and returns them. For "at least" assertions; use {@link #exactly} to prove something happened once.
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int atLeast, Duration timeout) {
        List<ConsumerRecord<String, String>> found = collect(topic, match, atLeast, timeout, Duration.ZERO);
        if (found.size() < atLeast) {
            throw new AssertionError("expected " + atLeast + " matching record(s) on " + topic + " within "
                    + timeout + ", found " + found.size());
        }
        return found;
    }

    /**
     * Asserts that exactly {@code count} records match: waits until they appear, then keeps reading for
     * {@code settle} more, so a duplicate sent right behind the first copy is caught.
     */
    public List<ConsumerRecord<String, String>> exactly(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, String>> found = collect(topic, match, count, timeout, settle);
        if (found.size() != count) {
            throw new AssertionError("expected exactly " + count + " matching record(s) on " + topic + ", found "
                    + found.size() + " (waited up to " + timeout + ", then " + settle + " more)");
        }
        return found;
    }

    private List<ConsumerRecord<String, String>> collect(String topic,
            Predicate<ConsumerRecord<String, String>> match, int expected, Duration timeout, Duration settle) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant settled = null;
            while (Instant.now().isBefore(settled != null ? settled : deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
                if (settled == null && found.size() >= expected) {
                    settled = Instant.now().plus(settle);
                }
            }
        }
        return found;
    }

    /** Publishes one record with the given headers (e.g. a hand-made or malformed CloudEvent). */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        send(topic, key, value, headers, null);
    }

    /** @param timestamp the record's create time, as if published then; null for now */
    public void send(String topic, String key, String value, Map<String, String> headers,
            java.time.Instant timestamp) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                    timestamp == null ? null : timestamp.toEpochMilli(), key, value);
            headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * The CloudEvent binary-mode headers of a well-formed event, with the next {@code sequence} (as a producer's
     * outbox gives it: each event sent later has a higher one).
     */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject) {
        return cloudEventHeaders(id, type, source, subject, SEQUENCE.incrementAndGet());
    }

    /** ... with a sequence of the test's choosing: an event sent late that the producer wrote early. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject,
            long sequence) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "ce_subject", subject, "ce_sequence", Long.toString(sequence), "content-type", "application/json");
    }

    /** The sequence the next {@link #cloudEventHeaders} call would give, minus one. */
    public static long lastSequence() {
        return SEQUENCE.get();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
