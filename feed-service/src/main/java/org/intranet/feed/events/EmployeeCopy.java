package org.intranet.feed.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.feed.store.EmployeeStore;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;

/** Applies one profile event to the read-copy, exactly once: the de-dup row commits with the effect. */
@ApplicationScoped
public class EmployeeCopy {
    static final String CONSUMER = "feed.profile";
    private final ProcessedEvents processed;
    private final EmployeeStore employees;

    EmployeeCopy(ProcessedEvents processed, EmployeeStore employees) {
        this.processed = processed;
        this.employees = employees;
    }

    @Transactional
    public void apply(String eventId, EmployeeSnapshot snapshot) {
        if (snapshot.id() == null || snapshot.username() == null) {
            throw new PoisonEventException("employee event " + eventId + " lacks id or username");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        employees.apply(snapshot);
    }
}
