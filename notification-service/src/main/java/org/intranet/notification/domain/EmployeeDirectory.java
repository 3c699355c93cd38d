package org.intranet.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.notification.store.EmployeeStore;

/** Applies {@code intranet.profile} snapshots to the employee read-copy, each event once. */
@ApplicationScoped
public class EmployeeDirectory {
    public static final String CONSUMER = "notification.profile";
    private final ProcessedEvents processed;
    private final EmployeeStore employees;

    EmployeeDirectory(ProcessedEvents processed, EmployeeStore employees) {
        this.processed = processed;
        this.employees = employees;
    }

    @Transactional
    public void apply(String eventId, EmployeeSnapshot snapshot) {
        if (snapshot.id() == null || snapshot.id().isBlank()) {
            throw new PoisonEventException("employee snapshot " + eventId + " has no id");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        employees.upsert(snapshot);
    }
}
