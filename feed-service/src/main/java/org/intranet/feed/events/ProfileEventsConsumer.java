package org.intranet.feed.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.readcopy.EmployeeCopies;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** Keeps the employee read-copy current from {@code intranet.profile}; poison goes to its dead-letter topic. */
@ApplicationScoped
public class ProfileEventsConsumer {
    static final String CONSUMER = "feed.profile";
    private final EventConsumer consumer;
    private final EmployeeCopies employees;
    private final ObjectMapper json;

    ProfileEventsConsumer(EventConsumer consumer, EmployeeCopies employees, ObjectMapper json) {
        this.consumer = consumer;
        this.employees = employees;
        this.json = json;
    }

    @Incoming("profile-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                        employees.applyOnce(CONSUMER, event.id(), event.data(json, EmployeeSnapshot.class));
                default -> {
                    // other profile event types carry nothing this service keeps
                }
            }
        });
    }
}
