package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.GroupStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;

/**
 * Groups and who is in them. A private group is invisible to a non-member (404, as if it did not exist) except to
 * an admin; anyone joins a public group, owners or an admin add people to a private one; anyone leaves, but the last
 * owner must hand over first. Every change commits with its event (membership events let search and notification
 * enforce private groups).
 */
@ApplicationScoped
public class GroupService {
    private final GroupStore groups;
    private final EmployeeCopies employees;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    GroupService(GroupStore groups, EmployeeCopies employees, FeedEvents events) {
        this.groups = groups;
        this.employees = employees;
        this.events = events;
    }

    /** What a group may be changed to; a null field stays as it is. */
    public record Changes(String name, String description, String visibility) {
    }

    @Transactional
    public Group create(Caller caller, String name, String description, String visibility) {
        Instant now = now();
        Group group = new Group(UUID.randomUUID().toString(), name.strip(), blankToNull(description), visibility, 1,
                caller.id(), 1, now, now, Group.OWNER);
        groups.insert(group);
        groups.putMember(group.id(), caller.id(), Group.OWNER, true, now);
        events.group(EventTypes.GROUP_CREATED, changed(group, caller));
        events.membership(EventTypes.MEMBER_ADDED, new MembershipChanged(group.id(), caller.id(), Group.OWNER,
                visibility, caller.id(), now));
        return group;
    }

    public Group get(Caller caller, String id) {
        return visible(caller, groups.get(id, caller.id()), id);
    }

    public List<Group> list(Caller caller, String membership, List<String> after, int limit) {
        return groups.list(caller.id(), membership, after, limit);
    }

    /** Owners or an admin rename, describe, or open a group; a public group cannot become private. */
    @Transactional
    public Group update(Caller caller, String id, Changes changes) {
        Group group = visible(caller, groups.lock(id, caller.id()), id);
        if (!group.owner() && !caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an owner of group " + id + " or an admin may change it");
        }
        String visibility = changes.visibility() == null ? group.visibility() : changes.visibility();
        if (!group.isPrivate() && Group.PRIVATE.equals(visibility)) {
            // everyone could read its posts, and search and feeds may hold them: closing it would promise a
            // privacy it cannot give retroactively
            throw new ConflictException("a public group cannot become private: its posts have been visible to "
                    + "everyone; create a private group instead");
        }
        Group updated = new Group(group.id(), changes.name() == null ? group.name() : changes.name().strip(),
                changes.description() == null ? group.description() : blankToNull(changes.description()),
                visibility, group.memberCount(), group.createdBy(), group.version() + 1, group.createdAt(), now(),
                group.myRole());
        if (updated.name().equals(group.name()) && Objects.equals(updated.description(), group.description())
                && updated.visibility().equals(group.visibility())) {
            return group;
        }
        groups.update(updated);
        if (group.isPrivate() && !updated.isPrivate()) {
            groups.openPosts(id);
        }
        events.group(EventTypes.GROUP_UPDATED, changed(updated, caller));
        return updated;
    }

    /**
     * Adds someone or changes their role; the same request twice has one effect.
     *
     * @param role null means MEMBER for a newcomer and no change for a member
     */
    @Transactional
    public Member.Role putMember(Caller caller, String groupId, String employeeId, String role) {
        Group group = visible(caller, groups.lock(groupId, caller.id()), groupId);
        boolean manager = group.owner() || caller.hasRole(Caller.ADMIN);
        boolean selfJoin = employeeId.equals(caller.id()) && !group.isPrivate()
                && (role == null || Group.MEMBER.equals(role));
        if (!manager && !selfJoin) {
            throw new AccessDeniedException(group.isPrivate()
                    ? "only an owner of group " + groupId + " or an admin may add people to a private group"
                    : "only an owner or an admin may add someone else, or make someone an owner");
        }
        Optional<String> current = groups.role(groupId, employeeId);
        if (current.isEmpty() && employees.find(employeeId).filter(EmployeeCopy::active).isEmpty()) {
            throw new NotFoundException("no active employee " + employeeId);
        }
        String wanted = role != null ? role : current.orElse(Group.MEMBER);
        if (current.isPresent() && current.get().equals(wanted)) {
            return new Member.Role(employeeId, wanted, false);
        }
        if (Group.OWNER.equals(current.orElse(null)) && groups.owners(groupId) == 1) {
            throw new ConflictException("the last owner of group " + groupId + " cannot step down; make another "
                    + "member an owner first");
        }
        Instant now = now();
        groups.putMember(groupId, employeeId, wanted, current.isEmpty(), now);
        events.membership(EventTypes.MEMBER_ADDED, new MembershipChanged(groupId, employeeId, wanted,
                group.visibility(), caller.id(), now));
        return new Member.Role(employeeId, wanted, true);
    }

    /** Someone leaves, or an owner or admin removes them; removing a non-member changes nothing. */
    @Transactional
    public void removeMember(Caller caller, String groupId, String employeeId) {
        Group group = visible(caller, groups.lock(groupId, caller.id()), groupId);
        if (!employeeId.equals(caller.id()) && !group.owner() && !caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an owner of group " + groupId + " or an admin may remove others");
        }
        Optional<String> current = groups.role(groupId, employeeId);
        if (current.isEmpty()) {
            return;
        }
        if (Group.OWNER.equals(current.get()) && groups.owners(groupId) == 1) {
            throw new ConflictException("the last owner of group " + groupId + " cannot leave; make another member "
                    + "an owner first");
        }
        groups.removeMember(groupId, employeeId);
        events.membership(EventTypes.MEMBER_REMOVED, new MembershipChanged(groupId, employeeId, current.get(),
                group.visibility(), caller.id(), now()));
    }

    public List<Member> members(Caller caller, String groupId, List<String> after, int limit) {
        get(caller, groupId);
        return groups.members(groupId, after, limit);
    }

    /** A private group exists only for its members and admins; for anyone else it answers like a missing one. */
    private static Group visible(Caller caller, Optional<Group> group, String id) {
        return group.filter(g -> !g.isPrivate() || g.member() || caller.hasRole(Caller.ADMIN))
                .orElseThrow(() -> new NotFoundException("no group " + id));
    }

    private static GroupChanged changed(Group group, Caller by) {
        return new GroupChanged(group.id(), group.name(), group.description(), group.visibility(),
                group.memberCount(), by.id(), group.version(), group.updatedAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
