package org.intranet.search.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The topics as a store of record: reads them from their beginning (or from given offsets) up to given end offsets, with a consumer of its own:
 * no group, no committed offsets, nothing the live consumers see. The broker settings (servers, TLS, SASL) are the
 * application's {@code kafka.*} ones.
 */
@ApplicationScoped
public class EventLog {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> broker;

    EventLog(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = broker;
    }

    /** Where each partition of the topics ends now. */
    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topics));
        }
    }

    public Map<TopicPartition, Long> beginningOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.beginningOffsets(partitions(consumer, topics));
        }
    }

    /**
     * Hands the records in {@code [from, until)} of each partition to {@code sink}, a poll's worth at a time (each
     * partition's records in order).
     *
     * @param from where to start per partition; a partition missing from it starts at its beginning
     */
    public void read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> until, int maxBatch,
            Consumer<List<ConsumerRecord<String, String>>> sink) {
        try (KafkaConsumer<String, String> consumer = consumer(maxBatch)) {
            consumer.assign(until.keySet());
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition partition : until.keySet()) {
                Long start = from.get(partition);
                if (start == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, start);
                }
                if (consumer.position(partition) < until.get(partition)) {
                    remaining.add(partition);
                }
            }
            Set<TopicPartition> done = new HashSet<>(until.keySet());
            done.removeAll(remaining);
            consumer.pause(done);
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, String> polled = consumer.poll(POLL);
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, String> record : polled) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < until.get(partition)) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
                for (TopicPartition partition : new ArrayList<>(remaining)) {
                    if (consumer.position(partition) >= until.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        return consumer(500);
    }

    private KafkaConsumer<String, String> consumer(int maxBatch) {
        Properties properties = new Properties();
        Map<String, Object> settings = new HashMap<>(broker);
        settings.values().removeIf(v -> v == null || v.toString().isBlank());
        properties.putAll(settings);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxBatch));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties);
    }
}
