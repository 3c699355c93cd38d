package org.intranet.profile.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.config.ClaimsConfig;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.profile.events.ProfileEvents;
import org.intranet.profile.store.EmployeeStore;

@ApplicationScoped
public class ProfileService {
    private final EmployeeStore employees;
    private final ProfileEvents events;
    private final ClaimsConfig claims;
    private final Clock clock;

    ProfileService(EmployeeStore employees, ProfileEvents events, ClaimsConfig claims) {
        this.employees = employees;
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
        Employee fresh = TokenProfile.from(caller, claims, Instant.now(clock));
        if (employees.handleTakenByOther(fresh.username, fresh.id)) {
            // handles are unique; a second account with the same login keeps working under a derived handle
            fresh.username = TokenProfile.clip(fresh.username, 120) + "-" + fresh.id.substring(0, Math.min(6,
                    fresh.id.length()));
        }
        boolean inserted = employees.insertIfAbsent(fresh);
        // load the row as a managed entity; when a concurrent first call won the race, publish nothing twice
        Employee created = employees.findById(caller.id());
        if (inserted) {
            events.created(created);
        }
        return created;
    }

    /** The caller's profile as a managed entity of the current transaction, created first when needed. */
    private Employee mine(Caller caller) {
        Employee existing = employees.findById(caller.id());
        return existing != null ? existing : provision(caller);
    }

    public Employee get(String id) {
        Employee employee = EmployeeIds.isPlausible(id) ? employees.findById(id) : null;
        if (employee == null) {
            throw new NotFoundException("no employee with id " + id);
        }
        return employee;
    }

    @Transactional
    public Employee change(Caller caller, String id, ProfileChange change) {
        ProfilePolicy.requireCanEdit(caller, id, change);
        Employee employee = caller.id().equals(id) ? mine(caller) : get(id);
        if (change.managerId() != null) {
            requireValidManager(id, change.managerId());
            employee.managerId = change.managerId();
        }
        if (change.title() != null) {
            employee.title = change.title().strip();
        }
        if (change.department() != null) {
            employee.department = change.department().strip();
        }
        if (change.location() != null) {
            employee.location = change.location().strip();
        }
        if (change.skills() != null) {
            employee.skills = change.skills().stream().map(String::strip).distinct().toList();
        }
        employee.updatedAt = Instant.now(clock);
        employees.flush();
        events.updated(employee);
        return employee;
    }

    private void requireValidManager(String employeeId, String managerId) {
        if (managerId.equals(employeeId)) {
            throw new InvalidRequestException("an employee cannot be their own manager");
        }
        if (employees.findById(managerId) == null) {
            throw new InvalidRequestException("managerId " + managerId + " is not a known employee");
        }
        List<String> chain = employees.managerChain(managerId);
        if (chain.contains(employeeId)) {
            throw new InvalidRequestException("managerId " + managerId + " reports to this employee: "
                    + "the org chart would loop");
        }
    }
}
