package org.intranet.profile.events;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.DepartmentChanged;
import org.intranet.contracts.DirectoryGroupChanged;
import org.intranet.contracts.DirectoryMemberChanged;
import org.intranet.contracts.EmployeeDeactivated;
import org.intranet.contracts.EmployeeErased;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.ManagerChanged;
import org.intranet.kit.outbox.Outbox;
import org.intranet.profile.domain.DirectoryGroup;
import org.intranet.profile.domain.Employee;

/**
 * Writes profile events to the outbox, in the caller's transaction; keyed by the employee's (or group's, or
 * membership's) id. {@code intranet.profile} is compacted: the last record of a key must say all there is, so an
 * employee's snapshot is always written after the other events of the same change.
 */
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

    /**
     * The erasure, then a tombstone for the person's key: once the compacted topic has cleaned up, nothing of them is
     * left in it (docs/events.md, "Retention and replay").
     */
    public void erased(String id, Instant at, String by) {
        outbox.add(AGGREGATE, id, EventTypes.EMPLOYEE_ERASED, new EmployeeErased(id, at, by));
        outbox.tombstone(AGGREGATE, id);
    }

    public void managerChanged(Employee employee, String previous, Instant at) {
        outbox.add(AGGREGATE, employee.id, EventTypes.MANAGER_CHANGED,
                new ManagerChanged(employee.id, previous, employee.managerId, at));
    }

    public void departmentChanged(Employee employee, String previous, Instant at) {
        outbox.add(AGGREGATE, employee.id, EventTypes.DEPARTMENT_CHANGED,
                new DepartmentChanged(employee.id, previous, employee.department, at));
    }

    /** A provisioned group as it now is (created, renamed, deleted); its members are published one by one. */
    public void directoryGroupChanged(DirectoryGroup group, long version, boolean deleted, Instant at) {
        outbox.add("directorygroup", group.id, EventTypes.DIRECTORY_GROUP_CHANGED, new DirectoryGroupChanged(
                group.id, group.displayName, deleted, version, at));
    }

    /** Each person who joined or left a provisioned group: one record per membership, keyed by it. */
    public void directoryMembersChanged(String groupId, List<String> joined, List<String> left, Instant at) {
        joined.forEach(id -> outbox.add("directorymember", DirectoryMemberChanged.key(groupId, id),
                EventTypes.DIRECTORY_MEMBER_CHANGED, new DirectoryMemberChanged(groupId, id, true, at)));
        left.forEach(id -> outbox.add("directorymember", DirectoryMemberChanged.key(groupId, id),
                EventTypes.DIRECTORY_MEMBER_CHANGED, new DirectoryMemberChanged(groupId, id, false, at)));
    }

    static EmployeeSnapshot snapshot(Employee e, List<String> changed) {
        return new EmployeeSnapshot(e.id, e.username, e.displayName, e.email, e.title, e.department, e.location,
                e.managerId, e.skills, e.status.name(), e.version, e.updatedAt, e.timeZone, e.pronouns, e.avatarUrl,
                e.languages, changed);
    }
}
