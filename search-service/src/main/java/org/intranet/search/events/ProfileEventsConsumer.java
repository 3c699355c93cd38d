package org.intranet.search.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.search.domain.Indexing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * {@code intranet.profile} → the employees read-copy and the people index. Poison goes to the dead-letter topic at
 * once; other failures (OpenSearch or PostgreSQL away) are retried with backoff for about a minute first.
 */
@ApplicationScoped
public class ProfileEventsConsumer {
    private final ObjectMapper json;
    private final Indexing indexing;

    ProfileEventsConsumer(ObjectMapper json, Indexing indexing) {
        this.json = json;
        this.indexing = indexing;
    }

    @Incoming("profile-events")
    @Blocking                                                   // ordered per partition
    @Retry(maxRetries = 8, delay = 250, maxDuration = 120_000, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30_000)
    public void on(ConsumerRecord<String, String> record) {
        CloudEventRecord event = CloudEventRecord.of(record);
        switch (event.type()) {
            case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                    indexing.employeeChanged(event.id(), event.data(json, EmployeeSnapshot.class));
            default -> { }                                       // types this service does not use
        }
    }
}
