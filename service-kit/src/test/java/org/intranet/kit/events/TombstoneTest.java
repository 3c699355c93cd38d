package org.intranet.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A compacted topic's tombstone is skipped; a CloudEvent that lost its data is still poison. */
class TombstoneTest {
    @Test
    void aRecordWithoutValueOrCloudEventHeadersIsATombstone() {
        ConsumerRecord<String, String> tombstone = new ConsumerRecord<>("intranet.profile", 0, 7, "employee-1", null);
        assertThat(EventConsumer.isTombstone(tombstone)).isTrue();
    }

    @Test
    void aCloudEventWithoutDataIsNoTombstoneButPoison() {
        ConsumerRecord<String, String> empty = new ConsumerRecord<>("intranet.profile", 0, 8, "employee-1", null);
        empty.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "intranet.profile.employee.updated.v1".getBytes(StandardCharsets.UTF_8));
        assertThat(EventConsumer.isTombstone(empty)).isFalse();
        assertThatThrownBy(() -> CloudEventRecord.of(empty)).isInstanceOf(PoisonEventException.class);
    }
}
