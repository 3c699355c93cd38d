package org.intranet.feed.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the employee read-copy current from {@code intranet.profile}. Transient failures are retried a few
 * times; what still fails, or can never be parsed, goes to {@code intranet.profile.dlq.feed}.
 */
@ApplicationScoped
public class ProfileEventsConsumer {
    private final EmployeeCopy employees;
    private final ObjectMapper json;

    ProfileEventsConsumer(EmployeeCopy employees, ObjectMapper json) {
        this.employees = employees;
        this.json = json;
    }

    @Incoming("profile-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void on(ConsumerRecord<String, String> record) {
        CloudEventRecord event = CloudEventRecord.of(record);
        switch (event.type()) {
            case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                    employees.apply(event.id(), event.data(json, EmployeeSnapshot.class));
            default -> {
                // other profile event types carry nothing this service keeps
            }
        }
    }
}
