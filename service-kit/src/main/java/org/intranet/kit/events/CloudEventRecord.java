package org.intranet.kit.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode ({@code ce_*} headers, JSON data).
 *
 * @param id      {@code ce_id}: the de-duplication key
 * @param type    {@code ce_type}, e.g. {@code intranet.feed.post.published.v1}
 * @param subject  {@code ce_subject}: the aggregate id
 * @param sequence {@code ce_sequence} (CloudEvents sequence extension): the producer's outbox order, 0 on events
 *                 written before producers set it; a later change of one aggregate always has a higher one
 */
public record CloudEventRecord(String id, String type, String source, String subject, String data, long sequence) {

    public static CloudEventRecord of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id or ce_type header missing (offset "
                    + record.offset() + ")");
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonEventException("CloudEvent " + id + " has no data");
        }
        return new CloudEventRecord(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                record.value(), sequence(id, header(record, "ce_sequence")));
    }

    private static long sequence(String id, String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PoisonEventException("CloudEvent " + id + " has a sequence that is not a number: " + value);
        }
    }

    /** Parses the data as a contract record; a mismatch makes the event poison. */
    public <T> T data(ObjectMapper json, Class<T> payloadType) {
        try {
            return json.readValue(data, payloadType);
        } catch (Exception e) {
            throw new PoisonEventException("CloudEvent " + id + " (" + type + ") has unreadable data: "
                    + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
