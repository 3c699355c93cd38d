package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.readcopy.EmployeeCopies;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** {@code intranet.profile} → the employee read-copy (names, e-mail, department, location, status). */
@ApplicationScoped
public class ProfileEventsConsumer {
    public static final String CONSUMER = "notification.profile";
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final EmployeeCopies employees;

    ProfileEventsConsumer(EventConsumer consumer, ObjectMapper json, EmployeeCopies employees) {
        this.consumer = consumer;
        this.json = json;
        this.employees = employees;
    }

    @Incoming("profile-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                        employees.applyOnce(CONSUMER, event.id(), event.data(json, EmployeeSnapshot.class));
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}
