package org.intranet.profile.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.intranet.profile.events.ProfileEvents;
import org.intranet.profile.store.DirectoryGroupStore;
import org.intranet.profile.store.ScimQueries;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;

/**
 * SCIM Groups (RFC 7644 §3): the groups an identity provider pushes, with their members. A PATCH is read operation
 * by operation and applied as member inserts and deletes, never by loading the member list: a group may hold the
 * whole company, and Entra ID and Okta change members a few at a time. Each change is published as a delta.
 */
@ApplicationScoped
public class ScimGroups {
    private final DirectoryGroupStore groups;
    private final ScimQueries queries;
    private final ProfileEvents events;

    ScimGroups(DirectoryGroupStore groups, ScimQueries queries, ProfileEvents events) {
        this.groups = groups;
        this.queries = queries;
        this.events = events;
    }

    public DirectoryGroup get(String id) {
        DirectoryGroup group = id == null || id.length() > 64 ? null : groups.findById(id);
        if (group == null) {
            throw new ScimFault(new ResourceNotFoundException("no Group with id " + id));
        }
        return group;
    }

    public List<DirectoryGroupStore.Member> members(String id) {
        return groups.members(id);
    }

    /** @param startIndex 1-based, as SCIM counts */
    public ScimSearch.Page<DirectoryGroup> search(String filter, int startIndex, int count) {
        return ScimSearch.run(filter, startIndex, count, queries::groups, ids -> groups.list("id in ?1", ids),
                g -> g.id);
    }

    @Transactional
    public DirectoryGroup create(JsonNode body) {
        Instant now = now();
        DirectoryGroup group = new DirectoryGroup();
        group.id = UUID.randomUUID().toString();
        group.displayName = displayName(ScimNodes.field(body, "displayName"));
        requireFreeName(group.displayName, group.id);
        group.externalId = ScimNodes.single(ScimNodes.field(body, "externalId"));
        group.createdAt = now;
        group.updatedAt = now;
        groups.persist(group);
        flushUnique(group.displayName);
        MemberChanges members = new MemberChanges();
        members.joined(addMembers(group, ScimPatch.values(ScimNodes.field(body, "members"))));
        events.directoryGroupChanged(group, group.version, false, now);
        events.directoryMembersChanged(group.id, members.joined(), members.left(), now);
        return group;
    }

    /** A PUT: the name, the provisioner's id and the whole member list as given. */
    @Transactional
    public DirectoryGroup replace(String id, String ifMatch, JsonNode body) {
        DirectoryGroup group = current(id, ifMatch);
        String name = displayName(ScimNodes.field(body, "displayName"));
        requireFreeName(name, id);
        group.displayName = name;
        group.externalId = ScimNodes.single(ScimNodes.field(body, "externalId"));
        List<String> wanted = ScimPatch.values(ScimNodes.field(body, "members"));
        MemberChanges members = new MemberChanges();
        members.left(groups.removeAll(group.id));
        members.joined(addMembers(group, wanted));
        return changed(group, members);
    }

    @Transactional
    public DirectoryGroup patch(String id, String ifMatch, JsonNode body) {
        DirectoryGroup group = current(id, ifMatch);
        MemberChanges members = new MemberChanges();
        for (PatchOperation op : ScimPatch.operations(body)) {
            apply(group, op, members);
        }
        return changed(group, members);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        DirectoryGroup group = current(id, ifMatch);
        List<String> removed = groups.removeAll(id);
        // the deletion is the group's last change: it carries the next version, as every change does
        Instant now = now();
        events.directoryMembersChanged(id, List.of(), removed, now);
        events.directoryGroupChanged(group, group.version + 1, true, now);
        groups.delete(group);
        groups.flush();
    }

    /**
     * A person leaves every provisioned group (the provisioner deleted them, an admin erased them); each group
     * publishes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void leaveAll(String employeeId) {
        for (String groupId : groups.removeFromAll(employeeId)) {
            MemberChanges members = new MemberChanges();
            members.left(List.of(employeeId));
            changed(groups.findById(groupId), members);
        }
    }

    private void apply(DirectoryGroup group, PatchOperation op, MemberChanges members) {
        Path path = op.getPath();
        JsonNode value = op.getJsonNode();
        if (path == null || path.isRoot()) {
            if (op.getOpType() == PatchOpType.REMOVE || value == null || !value.isObject()) {
                throw ScimPatch.fault(BadRequestException.noTarget("an operation without a path needs an object "
                        + "value such as {\"displayName\": …}"));
            }
            for (var fields = value.fields(); fields.hasNext();) {
                var field = fields.next();
                if (!isEcho(group, field.getKey(), field.getValue())) {
                    attribute(group, op.getOpType(), field.getKey(), null, field.getValue(), members);
                }
            }
            return;
        }
        if (path.size() != 1) {
            throw ScimPatch.fault(BadRequestException.invalidPath(path + " is not an attribute of a Group"));
        }
        attribute(group, op.getOpType(), path.getElement(0).getAttribute(), path.getElement(0).getValueFilter(),
                value, members);
    }

    /**
     * What a client sends back unchanged in a no-path value: Okta renames with {@code {"id": …, "displayName": …}}.
     * {@code schemas} and {@code meta} are not the client's to set either; another {@code id} is a 400.
     */
    private static boolean isEcho(DirectoryGroup group, String key, JsonNode value) {
        if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("meta")) {
            return true;
        }
        if (key.equalsIgnoreCase("id")) {
            if (!value.isTextual() || !value.textValue().equals(group.id)) {
                throw ScimPatch.fault(BadRequestException.mutability("id is set by the service and cannot be "
                        + "changed"));
            }
            return true;
        }
        return false;
    }

    private void attribute(DirectoryGroup group, PatchOpType type, String attribute, Filter selector,
            JsonNode value, MemberChanges members) {
        switch (attribute.toLowerCase(java.util.Locale.ROOT)) {
            case "displayname" -> {
                if (type == PatchOpType.REMOVE) {
                    throw ScimPatch.fault(BadRequestException.mutability("displayName is required"));
                }
                String name = displayName(value);
                requireFreeName(name, group.id);
                group.displayName = name;
            }
            case "externalid" -> group.externalId = type == PatchOpType.REMOVE ? null : ScimNodes.single(value);
            case "members" -> members(group, type, selector, value, members);
            default -> throw ScimPatch.fault(BadRequestException.invalidPath(attribute
                    + " is not an attribute of a Group (displayName, externalId, members)"));
        }
    }

    /**
     * add: those members join; replace: the list becomes exactly these; remove: with a selector
     * ({@code members[value eq "id"]}) or a value list ({@code [{"value": id}]}, as Entra ID sends it) those leave,
     * with neither everyone leaves.
     */
    private void members(DirectoryGroup group, PatchOpType type, Filter selector, JsonNode value,
            MemberChanges members) {
        switch (type) {
            case ADD -> members.joined(addMembers(group, ScimPatch.values(value)));
            case REPLACE -> {
                List<String> wanted = ScimPatch.values(value);
                requireKnown(wanted);
                members.left(groups.removeAll(group.id));
                members.joined(groups.add(group.id, wanted));
            }
            case REMOVE -> {
                List<String> leaving = selector != null ? ScimPatch.selectedValues(selector)
                        : value == null || value.isNull() ? null : ScimPatch.values(value);
                members.left(leaving == null ? groups.removeAll(group.id) : groups.remove(group.id, leaving));
            }
        }
    }

    /** @return those of {@code ids} who were not members yet */
    private List<String> addMembers(DirectoryGroup group, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        requireKnown(ids);
        return groups.add(group.id, ids);
    }

    private void requireKnown(List<String> ids) {
        List<String> unknown = ids.isEmpty() ? List.of() : groups.unknownUsers(ids);
        if (!unknown.isEmpty()) {
            throw ScimPatch.fault(BadRequestException.invalidValue("members " + unknown + " are not Users here"));
        }
    }

    private DirectoryGroup changed(DirectoryGroup group, MemberChanges members) {
        Instant now = now();
        group.updatedAt = now;
        flushUnique(group.displayName);
        events.directoryGroupChanged(group, group.version, false, now);
        events.directoryMembersChanged(group.id, members.joined(), members.left(), now);
        return group;
    }

    /** The group locked until the change commits, so that concurrent member changes queue instead of failing. */
    private DirectoryGroup current(String id, String ifMatch) {
        DirectoryGroup group = id == null || id.length() > 64 ? null
                : groups.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw new ScimFault(new ResourceNotFoundException("no Group with id " + id));
        }
        ETags.requireMatch(ifMatch, group.version, "Group " + id);
        return group;
    }

    /** Two requests naming groups alike at once: the unique index decides, the loser hears 409. */
    private void flushUnique(String name) {
        try {
            groups.flush();
        } catch (PersistenceException e) {
            throw new ScimFault(ResourceConflictException.uniqueness("displayName " + name
                    + " was given to another Group at the same time"));
        }
    }

    private void requireFreeName(String name, String id) {
        if (groups.nameTakenByOther(name, id)) {
            throw new ScimFault(ResourceConflictException.uniqueness("displayName " + name
                    + " is already another Group's"));
        }
    }

    private static String displayName(JsonNode value) {
        String name = ScimNodes.single(value);
        if (name == null || name.isBlank() || name.length() > 256 || !ProfileText.isPlain(name)) {
            throw ScimPatch.fault(BadRequestException.invalidValue("displayName is required: at most 256 "
                    + "characters without <, > or control characters"));
        }
        return name.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
