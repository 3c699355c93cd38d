package org.intranet.profile.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.intranet.kit.domain.ConflictException;
import org.intranet.profile.store.DirectoryGroupStore;
import org.intranet.profile.store.EmployeeStore;
import org.intranet.profile.store.ScimQueries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;

/**
 * SCIM Users (RFC 7644 §3) over the profiles: what an identity provider creates, replaces, patches, finds and
 * deletes. Every write goes through {@link ProfileService} (checked, audited as {@code SCIM}, published) in one
 * transaction that a failure rolls back whole.
 *
 * <p>The profile's id is the subject the person's tokens carry (the employee id everywhere). A provisioner names it
 * with {@code externalId} (map it to what your tokens carry: README); without one the id is new, and the person
 * signs in to another profile unless the token's subject claim is mapped. A person who signed in before being
 * provisioned is taken over, not duplicated: the POST finds them by that id.
 */
@ApplicationScoped
public class ScimUsers {
    /** What a PUT clears when it omits it: everything it owns except what the employee may keep up themselves. */
    private static final Set<ScimUserDocument.Attribute> PUT_CLEARS = EnumSet.complementOf(
            EnumSet.copyOf(ScimUserDocument.EMPLOYEE_KEPT));
    /** A PATCH result is the whole User: what it no longer has was removed. */
    private static final Set<ScimUserDocument.Attribute> PATCH_CLEARS = EnumSet.allOf(
            ScimUserDocument.Attribute.class);

    private final EmployeeStore employees;
    private final ScimQueries queries;
    private final DirectoryGroupStore groups;
    private final ScimGroups groupChanges;
    private final ProfileService profiles;
    private final ChangeCheck check;

    ScimUsers(EmployeeStore employees, ScimQueries queries, DirectoryGroupStore groups, ScimGroups groupChanges,
            ProfileService profiles, ChangeCheck check) {
        this.employees = employees;
        this.queries = queries;
        this.groups = groups;
        this.groupChanges = groupChanges;
        this.profiles = profiles;
        this.check = check;
    }

    public Employee get(String id) {
        Employee employee = EmployeeIds.isPlausible(id) ? employees.findById(id) : null;
        if (employee == null || employee.scimDeletedAt != null) {
            throw new ScimFault(new ResourceNotFoundException("no User with id " + id));
        }
        return employee;
    }

    /** @param startIndex 1-based, as SCIM counts */
    public ScimSearch.Page<Employee> search(String filter, int startIndex, int count) {
        return ScimSearch.run(filter, startIndex, count, queries::users, ids -> employees.list("id in ?1", ids),
                e -> e.id);
    }

    /**
     * Creates a User under the id its {@code externalId} names (a random one without). When a profile already has
     * that id, it is the same person: one who signed in before being provisioned is taken over, one the provisioner
     * deleted comes back (a rehire), one it already manages is a 409. A userName that is a live User's is a 409; one
     * that only a deleted User had passes to the newcomer (the former employee keeps a derived handle) unless the
     * request names no id, in which case it brings that person back.
     */
    @Transactional
    public Employee create(String actorId, JsonNode body) {
        ScimUserDocument.Read user = read(body, EnumSet.noneOf(ScimUserDocument.Attribute.class));
        String named = EmployeeIds.isPlausible(user.externalId()) ? user.externalId() : null;
        Employee same = named == null ? null : employees.findById(named, LockModeType.PESSIMISTIC_WRITE);
        Employee sameHandle = employees.find("lower(username) = lower(?1)", user.userName())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (sameHandle != null && sameHandle != same) {
            if (sameHandle.scimDeletedAt == null) {
                throw new ScimFault(ResourceConflictException.uniqueness("userName " + user.userName()
                        + " is already the User " + sameHandle.id));
            }
            if (named == null) {
                same = sameHandle;
            } else {
                // a newcomer reusing a leaver's login: the leaver keeps their posts under a derived handle
                profiles.provisioned(actorId, sameHandle, TokenProfile.derivedHandle(sameHandle.username,
                        sameHandle.id), sameHandle.externalId, ProfileChange.of(null, null, null, null, null));
            }
        }
        if (same != null) {
            if (same.scimDeletedAt == null && same.externalId != null) {
                throw new ScimFault(ResourceConflictException.uniqueness("the User " + same.id
                        + " exists already (userName " + same.username + ")"));
            }
            boolean rehire = same.scimDeletedAt != null;
            same.scimDeletedAt = null;
            return write(actorId, same, read(body, PUT_CLEARS), rehire ? Employee.Status.ACTIVE : null);
        }
        try {
            return profiles.provisionNew(actorId, named != null ? named : UUID.randomUUID().toString(),
                    user.userName(), user.externalId(), user.change());
        } catch (ConflictException e) {
            throw uniqueness(e);
        } catch (PersistenceException e) {
            // the same POST twice at once (a client retrying): the unique index decides, the loser hears 409
            throw new ScimFault(ResourceConflictException.uniqueness("the User " + user.userName()
                    + " was created at the same time by another request"));
        }
    }

    @Transactional
    public Employee replace(String actorId, String id, String ifMatch, JsonNode body) {
        Employee employee = current(id, ifMatch);
        return write(actorId, employee, read(body, PUT_CLEARS), null);
    }

    @Transactional
    public Employee patch(String actorId, String id, String ifMatch, JsonNode body) {
        Employee employee = current(id, ifMatch);
        List<PatchOperation> operations = ScimPatch.operations(body);
        ObjectNode patched = ScimPatch.apply(ScimUserDocument.render(employee), operations);
        return write(actorId, employee, read(patched, PATCH_CLEARS), null);
    }

    /**
     * Deletes the User as SCIM sees it: the person leaves (their posts stay, shown as a former employee) and their
     * provisioned groups, and SCIM answers 404 for them from now on. Erasure of their data is an admin's GDPR act.
     */
    @Transactional
    public void delete(String actorId, String id, String ifMatch) {
        Employee employee = current(id, ifMatch);
        profiles.provisioned(actorId, employee, employee.username, employee.externalId, ProfileChange.leaving());
        employee.scimDeletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        groupChanges.leaveAll(employee.id);
        employees.flush();
    }

    /**
     * The person as the request expects them, locked until the change commits: concurrent changes of one User queue
     * instead of failing each other. A wrong {@code If-Match} is a 412 and changes nothing.
     */
    private Employee current(String id, String ifMatch) {
        Employee employee = EmployeeIds.isPlausible(id) ? employees.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (employee == null || employee.scimDeletedAt != null) {
            throw new ScimFault(new ResourceNotFoundException("no User with id " + id));
        }
        ETags.requireMatch(ifMatch, employee.version, "User " + id);
        return employee;
    }

    private Employee write(String actorId, Employee employee, ScimUserDocument.Read user, Employee.Status status) {
        ProfileChange change = status == null || user.change().status() != null ? user.change()
                : user.change().withStatus(status);
        try {
            profiles.provisioned(actorId, employee, user.userName(), user.externalId(), change);
            employees.flush();
        } catch (ConflictException e) {
            throw uniqueness(e);
        }
        return employee;
    }

    private ScimUserDocument.Read read(JsonNode body, Set<ScimUserDocument.Attribute> clears) {
        try {
            ScimUserDocument.Read user = ScimUserDocument.read(body, clears);
            check.check(user.userName(), user.change());
            return user;
        } catch (ScimException e) {
            throw new ScimFault(e);
        }
    }

    private static ScimFault uniqueness(ConflictException e) {
        return new ScimFault(ResourceConflictException.uniqueness(e.getMessage()));
    }
}
