package org.intranet.profile.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.config.ClaimsConfig;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.events.ProfileEvents;
import org.intranet.profile.store.AuditStore;
import org.intranet.profile.store.ImportJobStore;
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
    private final ImportJobStore imports;
    private final ProfileChecks checks;
    private final CustomFieldService customFields;
    private final ProfilePolicy policy;
    private final ProfileEvents events;
    private final ScimGroups directoryGroups;
    private final ClaimsConfig claims;
    private final Clock clock;

    ProfileService(EmployeeStore employees, AuditStore audit, ImportJobStore imports, ProfileChecks checks,
            CustomFieldService customFields, ProfilePolicy policy, ProfileEvents events, ScimGroups directoryGroups,
            ClaimsConfig claims) {
        this.employees = employees;
        this.audit = audit;
        this.imports = imports;
        this.checks = checks;
        this.customFields = customFields;
        this.policy = policy;
        this.events = events;
        this.directoryGroups = directoryGroups;
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
            fresh.username = TokenProfile.derivedHandle(fresh.username, fresh.id);
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

    /** Changes what the change names, for a caller the policy allows (see {@link #record}). */
    @Transactional
    public Employee change(Caller caller, String id, ProfileChange change) {
        Map<String, CustomField> definitions = change.customOrEmpty().isEmpty() ? Map.of() : customFields.byKey();
        policy.requireCanEdit(caller, id, change, definitions);
        Employee employee = caller.id().equals(id) ? me(caller) : get(id);
        checks.requireValid(employee.id, change);
        record(employee, change, definitions, caller.id(), Source.API, List.of());
        return employee;
    }

    /** What an import row did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Applies one planned import row in the caller's transaction. {@link ImportPlan} has checked managers (loops
     * included), handles and employee numbers against everyone at once, so they are not queried again per row;
     * the row's values were checked for shape when the file was read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome imported(String actorId, ImportPlan.Planned row) {
        if (!row.create()) {
            Employee employee = get(row.id());
            ProfileChecks.requireValidZone(row.change());
            return record(employee, row.change(), Map.of(), actorId, Source.IMPORT, List.of()).isEmpty()
                    ? Outcome.UNCHANGED
                    : Outcome.UPDATED;
        }
        ProfileChecks.requireValidZone(row.change());
        insert(actorId, row.id(), row.username(), null, row.change(), Source.IMPORT);
        return Outcome.CREATED;
    }

    /**
     * Writes a new person: their creation audited and published (and their leaving, when they arrive as a leaver).
     * The caller has checked the change. New profiles are written at the flush, in batches and in order (an import
     * plans a new manager before their reports); the audit and outbox rows reference nobody, so need not wait.
     */
    private Employee insert(String actorId, String id, String username, String externalId, ProfileChange change,
            Source source) {
        Instant now = now();
        Employee fresh = new Employee();
        fresh.id = id;
        fresh.username = username.strip();
        fresh.displayName = fresh.username;
        fresh.externalId = externalId;
        fresh.createdAt = now;
        fresh.updatedAt = now;
        List<String> fields = new ArrayList<>(List.of("username"));
        fields.addAll(ProfileEdit.apply(fresh, change, Map.of()));
        if (fresh.status == Employee.Status.LEFT) {
            fresh.leftAt = now;
        }
        employees.persist(fresh);
        audit.record(fresh.id, actorId, source.name(), fields, now);
        if (fresh.status == Employee.Status.LEFT) {
            events.deactivated(fresh, actorId);
        }
        // last: on the compacted topic the snapshot is what a replay finds of this person
        events.created(fresh);
        return fresh;
    }

    /**
     * A person the provisioner (SCIM) creates, checked like an HR change: a handle nobody else has (any case), a
     * known manager, a unique employee number. The id is the subject their tokens will carry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Employee provisionNew(String actorId, String id, String username, String externalId,
            ProfileChange change) {
        checks.requireFreeHandle(username.strip(), id);
        checks.requireValid(id, change);
        Employee created = insert(actorId, id, username, externalId, change, Source.SCIM);
        employees.flush();
        return created;
    }

    /**
     * The provisioner's change of a person: the identity it owns (the handle, which it may rename; its own id for
     * them, kept but not published) and a change of the profile, audited as {@code SCIM}.
     * @return the fields that changed (none: nothing written or published)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> provisioned(String actorId, Employee employee, String username, String externalId,
            ProfileChange change) {
        List<String> identity = new ArrayList<>();
        String handle = username.strip();
        if (!handle.equals(employee.username)) {
            checks.requireFreeHandle(handle, employee.id);
            employee.username = handle;
            identity.add("username");
        }
        if (!Objects.equals(externalId, employee.externalId)) {
            employee.externalId = externalId;
            identity.add("externalId");
        }
        checks.requireValid(employee.id, change);
        return record(employee, change, Map.of(), actorId, Source.SCIM, identity);
    }

    /** A full import's leaver: someone active the HR system no longer lists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deactivateImported(String actorId, String id) {
        Employee employee = employees.findById(id);
        if (employee == null || employee.status == Employee.Status.LEFT) {
            return false;
        }
        return !record(employee, ProfileChange.leaving(), Map.of(), actorId, Source.IMPORT, List.of()).isEmpty();
    }

    /**
     * Applies a checked change and, when it changed anything, audits and publishes it: one {@code updated} event
     * with the changed fields, plus {@code deactivated}, {@code manager.changed} and {@code department.changed}
     * when those happened. {@code identityChanged} names what the caller already changed (a provisioner's rename).
     * @return the changed fields (none: nothing written)
     */
    private List<String> record(Employee employee, ProfileChange change, Map<String, CustomField> definitions,
            String actorId, Source source, List<String> identityChanged) {
        String manager = employee.managerId;
        String department = employee.department;
        Employee.Status status = employee.status;
        List<String> changed = new ArrayList<>(identityChanged);
        changed.addAll(ProfileEdit.apply(employee, change, definitions));
        if (changed.isEmpty()) {
            return changed;
        }
        Instant now = now();
        employee.updatedAt = now;
        if (employee.status != status) {
            employee.leftAt = employee.status == Employee.Status.LEFT ? now : null;
        }
        employees.flush();
        audit.record(employee.id, actorId, source.name(), changed, now);
        if (employee.status == Employee.Status.LEFT && status != Employee.Status.LEFT) {
            events.deactivated(employee, actorId);
        }
        if (!Objects.equals(manager, employee.managerId)) {
            events.managerChanged(employee, manager, now);
        }
        if (!Objects.equals(department, employee.department)) {
            events.departmentChanged(employee, department, now);
        }
        // last: on the compacted topic the snapshot is what a replay finds of this person
        events.updated(employee, changed);
        return changed;
    }

    /**
     * GDPR erasure (admins): the profile, its audit and its custom values go; the people who reported to them get no
     * manager (each published as a change), they leave their provisioned groups (each published); where they acted on
     * others' profiles or ran imports, the audit keeps the change but not who made it. {@code employee.erased} tells
     * every other service to erase what it holds. Their identity provider account is not ours to delete: disable it
     * first, or their next sign-in creates a new, empty profile (which the other services' read-copies ignore: an
     * erased id stays erased there).
     */
    @Transactional
    public void erase(Caller caller, String id) {
        if (!caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an admin may erase an employee");
        }
        if (caller.id().equals(id)) {
            throw new InvalidRequestException("an admin cannot erase themselves; another admin can");
        }
        Employee employee = get(id);
        ProfileChange noManager = ProfileChange.of(null, null, null, null, "");
        for (Employee report : employees.list("managerId", id)) {
            record(report, noManager, Map.of(), caller.id(), Source.API, List.of());
        }
        directoryGroups.leaveAll(id);
        audit.forget(id);
        imports.forget(id);
        employees.delete(employee);
        employees.flush();
        events.erased(id, now(), caller.id());
    }

    /** Every audited change of one's own profile, newest first (for the person's own export). */
    public List<AuditEntry> auditOf(String employeeId) {
        return audit.of(employeeId, null, Integer.MAX_VALUE);
    }

    /** The audit of one person's profile, newest first: admins only. */
    public List<AuditEntry> audit(Caller caller, String id, Long beforeSeq, int limit) {
        if (!caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an admin may read the audit of a profile");
        }
        get(id);
        return audit.of(id, beforeSeq, limit);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
