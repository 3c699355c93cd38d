package org.intranet.profile.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.kit.outbox.Outbox;
import org.intranet.profile.domain.Employee;

/** Writes profile events to the outbox, in the caller's transaction. */
@ApplicationScoped
public class ProfileEvents {
    static final String AGGREGATE = "employee";
    private final Outbox outbox;

    ProfileEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Employee employee) {
        outbox.add(AGGREGATE, employee.id, EventTypes.EMPLOYEE_CREATED, snapshot(employee));
    }

    public void updated(Employee employee) {
        outbox.add(AGGREGATE, employee.id, EventTypes.EMPLOYEE_UPDATED, snapshot(employee));
    }

    static EmployeeSnapshot snapshot(Employee e) {
        return new EmployeeSnapshot(e.id, e.username, e.displayName, e.email, e.title, e.department, e.location,
                e.managerId, e.skills, e.status.name(), e.version, e.updatedAt);
    }
}
