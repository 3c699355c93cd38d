package org.intranet.search.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeErased;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.EventConsumer;
import org.intranet.search.domain.Indexing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** {@code intranet.profile} → the employees read-copy and the people index; poison goes to its dead-letter topic. */
@ApplicationScoped
public class ProfileEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final Indexing indexing;

    ProfileEventsConsumer(EventConsumer consumer, ObjectMapper json, Indexing indexing) {
        this.consumer = consumer;
        this.json = json;
        this.indexing = indexing;
    }

    @Incoming("profile-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                        indexing.employeeChanged(event.id(), event.data(json, EmployeeSnapshot.class));
                case EventTypes.EMPLOYEE_ERASED ->
                        indexing.employeeErased(event.id(), event.data(json, EmployeeErased.class).id());
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}
