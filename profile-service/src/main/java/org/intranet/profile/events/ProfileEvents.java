package org.intranet.profile.events;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.DepartmentChanged;
import org.intranet.contracts.DirectoryGroupChanged;
import org.intranet.contracts.EmployeeDeactivated;
import org.intranet.contracts.EmployeeErased;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.ManagerChanged;
import org.intranet.kit.outbox.Outbox;
import org.intranet.profile.domain.DirectoryGroup;
import org.intranet.profile.domain.Employee;

/** Writes profile events to the outbox, in the caller's transaction; keyed by the employee's (or group's) id. */
@ApplicationScoped
public class ProfileEvents {
    static final String AGGREGATE = "employee";
    private final Outbox outbox;

    ProfileEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Employee employee) {
        outbox.add(AGGREGATE, employee.id, EventTypes.EMPLOYEE_CREATED, snapshot(employee, List.of()));
    }

    public void updated(Employee employee, List<String> changed) {
        outbox.add(AGGREGATE, employee.id, EventTypes.EMPLOYEE_UPDATED, snapshot(employee, changed));
    }

    public void deactivated(Employee employee, String by) {
        outbox.add(AGGREGATE, employee.id, EventTypes.EMPLOYEE_DEACTIVATED,
                new EmployeeDeactivated(employee.id, employee.username, employee.leftAt, by));
    }

    public void erased(String id, Instant at, String by) {
        outbox.add(AGGREGATE, id, EventTypes.EMPLOYEE_ERASED, new EmployeeErased(id, at, by));
    }

    public void managerChanged(Employee employee, String previous, Instant at) {
        outbox.add(AGGREGATE, employee.id, EventTypes.MANAGER_CHANGED,
                new ManagerChanged(employee.id, previous, employee.managerId, at));
    }

    public void departmentChanged(Employee employee, String previous, Instant at) {
        outbox.add(AGGREGATE, employee.id, EventTypes.DEPARTMENT_CHANGED,
                new DepartmentChanged(employee.id, previous, employee.department, at));
    }

    /** A provisioned group changed: its name, the members it gained and lost, or it is gone. */
    public void directoryGroupChanged(DirectoryGroup group, long version, List<String> added, List<String> removed,
            boolean deleted, Instant at) {
        outbox.add("directorygroup", group.id, EventTypes.DIRECTORY_GROUP_CHANGED, new DirectoryGroupChanged(
                group.id, group.displayName, added, removed, deleted, version, at));
    }

    static EmployeeSnapshot snapshot(Employee e, List<String> changed) {
        return new EmployeeSnapshot(e.id, e.username, e.displayName, e.email, e.title, e.department, e.location,
                e.managerId, e.skills, e.status.name(), e.version, e.updatedAt, e.timeZone, e.pronouns, e.avatarUrl,
                e.languages, changed);
    }
}
