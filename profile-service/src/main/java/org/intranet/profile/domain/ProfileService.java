package org.intranet.profile.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.config.ClaimsConfig;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.events.ProfileEvents;
import org.intranet.profile.store.AuditStore;
import org.intranet.profile.store.EmployeeStore;

/**
 * Profiles: created just-in-time from the token, changed by their owner (self-editable fields) or by HR, every change
 * audited and published once, with the fields it touched.
 */
@ApplicationScoped
public class ProfileService {
    /** Where a change came from, as the audit records it. */
    public enum Source { API, SCIM, IMPORT, TOKEN }

    private final EmployeeStore employees;
    private final AuditStore audit;
    private final CustomFieldService customFields;
    private final ProfilePolicy policy;
    private final ProfileEvents events;
    private final ClaimsConfig claims;
    private final Clock clock;

    ProfileService(EmployeeStore employees, AuditStore audit, CustomFieldService customFields, ProfilePolicy policy,
            ProfileEvents events, ClaimsConfig claims) {
        this.employees = employees;
        this.audit = audit;
        this.customFields = customFields;
        this.policy = policy;
        this.events = events;
        this.claims = claims;
        this.clock = Clock.systemUTC();
    }

    /**
     * The caller's profile, created just-in-time from the token on the first call. Only a token with the employee
     * role makes a person: a machine client (SCIM, a service account) never gets a profile. The common case, an
     * existing profile, is a plain read without a transaction.
     */
    public Employee me(Caller caller) {
        Employee existing = employees.findById(caller.id());
        return existing != null ? existing : provision(caller);
    }

    @Transactional
    Employee provision(Caller caller) {
        if (!caller.hasRole(Caller.EMPLOYEE)) {
            throw new AccessDeniedException("only an employee's token has a profile; this token lacks the employee role");
        }
        Employee fresh = TokenProfile.from(caller, claims, now());
        if (employees.handleTakenByOther(fresh.username, fresh.id)) {
            // handles are unique; a second account with the same login keeps working under a derived handle
            fresh.username = TokenProfile.clip(fresh.username, 120) + "-" + fresh.id.substring(0, Math.min(6,
                    fresh.id.length()));
        }
        boolean inserted = employees.insertIfAbsent(fresh);
        // load the row as a managed entity; when a concurrent first call won the race, publish nothing twice
        Employee created = employees.findById(caller.id());
        if (inserted) {
            audit.record(created.id, caller.id(), Source.TOKEN.name(), TokenProfile.FIELDS, created.createdAt);
            events.created(created);
        }
        return created;
    }

    public Employee get(String id) {
        Employee employee = EmployeeIds.isPlausible(id) ? employees.findById(id) : null;
        if (employee == null) {
            throw new NotFoundException("no employee with id " + id);
        }
        return employee;
    }

    /**
     * Changes what the change names, for a caller the policy allows. Nothing changed: nothing written, audited or
     * published. Otherwise one audit entry and one {@code updated} event with the changed fields, plus
     * {@code deactivated}, {@code manager.changed} and {@code department.changed} when those happened.
     */
    @Transactional
    public Employee change(Caller caller, String id, ProfileChange change) {
        Map<String, CustomField> definitions = change.customOrEmpty().isEmpty() ? Map.of() : customFields.byKey();
        policy.requireCanEdit(caller, id, change, definitions);
        Employee employee = caller.id().equals(id) ? me(caller) : get(id);
        requireValid(employee, change);
        String manager = employee.managerId;
        String department = employee.department;
        Employee.Status status = employee.status;
        List<String> changed = ProfileEdit.apply(employee, change, definitions);
        if (changed.isEmpty()) {
            return employee;
        }
        Instant now = now();
        employee.updatedAt = now;
        if (employee.status != status) {
            employee.leftAt = employee.status == Employee.Status.LEFT ? now : null;
        }
        employees.flush();
        audit.record(employee.id, caller.id(), Source.API.name(), changed, now);
        events.updated(employee, changed);
        if (employee.status == Employee.Status.LEFT && status != Employee.Status.LEFT) {
            events.deactivated(employee, caller.id());
        }
        if (!Objects.equals(manager, employee.managerId)) {
            events.managerChanged(employee, manager, now);
        }
        if (!Objects.equals(department, employee.department)) {
            events.departmentChanged(employee, department, now);
        }
        return employee;
    }

    /** The audit of one person's profile, newest first: admins only. */
    public List<AuditEntry> audit(Caller caller, String id, Long beforeSeq, int limit) {
        if (!caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an admin may read the audit of a profile");
        }
        get(id);
        return audit.of(id, beforeSeq, limit);
    }

    private void requireValid(Employee employee, ProfileChange change) {
        if (change.managerId() != null && !change.managerId().isBlank()) {
            requireValidManager(employee.id, change.managerId().strip());
        }
        if (change.timeZone() != null && !change.timeZone().isBlank()) {
            try {
                ZoneId.of(change.timeZone().strip());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("timeZone " + change.timeZone()
                        + " is not a time zone; use an IANA name such as Europe/Paris");
            }
        }
        String number = change.employeeNumber() == null ? "" : change.employeeNumber().strip();
        if (!number.isEmpty() && employees.numberTakenByOther(number, employee.id)) {
            throw new ConflictException("employee number " + number + " belongs to another employee");
        }
    }

    private void requireValidManager(String employeeId, String managerId) {
        if (managerId.equals(employeeId)) {
            throw new InvalidRequestException("an employee cannot be their own manager");
        }
        List<EmployeeStore.Link> chain = employees.managerChain(managerId);
        if (chain.isEmpty()) {
            throw new InvalidRequestException("managerId " + managerId + " is not a known employee");
        }
        int me = chain.stream().map(EmployeeStore.Link::id).toList().indexOf(employeeId);
        if (me >= 0) {
            // name the loop as people would see it: me -> my new manager -> ... -> me
            List<String> loop = new ArrayList<>();
            String myHandle = chain.get(me).username();
            loop.add(myHandle);
            chain.subList(0, me + 1).forEach(link -> loop.add(link.username()));
            throw new InvalidRequestException("managerId " + managerId + " would make the org chart loop: "
                    + loop.stream().collect(Collectors.joining(" → ")));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
