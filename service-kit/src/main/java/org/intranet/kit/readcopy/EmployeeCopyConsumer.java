package org.intranet.kit.readcopy;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EmployeeErased;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.events.EventConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps a service's employee read-copy current from {@code intranet.profile}, for a service that needs nothing
 * more from those events (feed, notification: {@code intranet.readcopy.consumer=true}). A service that does more
 * with them (search indexes people) writes its own consumer around {@link EmployeeCopies#applyOnce}.
 */
@ApplicationScoped
@IfBuildProperty(name = "intranet.readcopy.consumer", stringValue = "true")
public class EmployeeCopyConsumer {
    private final EventConsumer consumer;
    private final EmployeeCopies employees;
    private final ObjectMapper json;
    private final String name;

    EmployeeCopyConsumer(EventConsumer consumer, EmployeeCopies employees, ObjectMapper json,
            @ConfigProperty(name = "intranet.service") String service) {
        this.consumer = consumer;
        this.employees = employees;
        this.json = json;
        this.name = service + ".profile";
    }

    @Incoming("profile-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED ->
                        employees.applyOnce(name, event.id(), event.data(json, EmployeeSnapshot.class));
                case EventTypes.EMPLOYEE_ERASED ->
                        employees.eraseOnce(name, event.id(), event.data(json, EmployeeErased.class).id());
                default -> {
                    // other profile event types carry nothing a read-copy keeps
                }
            }
        });
    }
}
