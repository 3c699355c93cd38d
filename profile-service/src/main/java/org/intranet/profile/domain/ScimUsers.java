package org.intranet.profile.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.domain.ConflictException;
import org.intranet.profile.store.DirectoryGroupStore;
import org.intranet.profile.store.EmployeeStore;
import org.intranet.profile.store.ScimQueries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
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
     * Creates a User; a userName deleted earlier by the provisioner brings that person back (a rehire), a person who
     * signed in first under the id the provisioner names is taken over. @return the person and whether they are new
     */
    @Transactional
    public Employee create(String actorId, JsonNode body) {
        ScimUserDocument.Read user = read(body, EnumSet.noneOf(ScimUserDocument.Attribute.class));
        Employee sameHandle = employees.find("lower(username) = lower(?1)", user.userName()).firstResult();
        if (sameHandle != null && sameHandle.scimDeletedAt == null) {
            throw new ScimFault(ResourceConflictException.uniqueness("userName " + user.userName()
                    + " is already the User " + sameHandle.id));
        }
        if (sameHandle != null) {
            sameHandle.scimDeletedAt = null;
            return write(actorId, sameHandle, read(body, PUT_CLEARS), Employee.Status.ACTIVE);
        }
        String id = EmployeeIds.isPlausible(user.externalId()) ? user.externalId() : UUID.randomUUID().toString();
        Employee signedInFirst = employees.findById(id);
        if (signedInFirst != null) {
            signedInFirst.scimDeletedAt = null;
            return write(actorId, signedInFirst, read(body, PUT_CLEARS), null);
        }
        try {
            return profiles.provisionNew(actorId, id, user.userName(), user.externalId(), user.change());
        } catch (ConflictException e) {
            throw uniqueness(e);
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
        ProfileChange leave = new ProfileChange(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, Employee.Status.LEFT, null);
        profiles.provisioned(actorId, employee, employee.username, employee.externalId, leave);
        employee.scimDeletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        groupChanges.userDeleted(employee.id);
    }

    /** The person as the request expects them: a wrong {@code If-Match} is a 412 and changes nothing. */
    private Employee current(String id, String ifMatch) {
        Employee employee = get(id);
        requireMatch(ifMatch, employee.version, "User " + id);
        return employee;
    }

    static void requireMatch(String ifMatch, long version, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            if (ETags.parse(tag) == version) {
                return;
            }
        }
        throw new ScimFault(new PreconditionFailedException(what + " has changed: its ETag is now "
                + ETags.of(version) + ", not " + ifMatch.strip() + "; read it again"));
    }

    private Employee write(String actorId, Employee employee, ScimUserDocument.Read user, Employee.Status status) {
        ProfileChange change = status == null || user.change().status() != null ? user.change()
                : user.change().withStatus(status);
        try {
            profiles.provisioned(actorId, employee, user.userName(), user.externalId(), change);
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
