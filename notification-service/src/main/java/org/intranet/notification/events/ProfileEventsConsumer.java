package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.notification.domain.EmployeeDirectory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** {@code intranet.profile} → the employee read-copy (names, e-mail, department, location, status). */
@ApplicationScoped
public class ProfileEventsConsumer {
    private final ObjectMapper json;
    private final EmployeeDirectory directory;

    ProfileEventsConsumer(ObjectMapper json, EmployeeDirectory directory) {
        this.json = json;
        this.directory = directory;
    }

    @Incoming("profile-events")
    @Blocking // ordered per partition
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class) // transient faults; then the DLQ
    public void on(ConsumerRecord<String, String> record) {
        CloudEventRecord event = CloudEventRecord.of(record);
        switch (event.type()) {
            case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                    directory.apply(event.id(), event.data(json, EmployeeSnapshot.class));
            default -> {
                // types this service does not use
            }
        }
    }
}
