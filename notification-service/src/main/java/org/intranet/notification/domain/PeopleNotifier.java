package org.intranet.notification.domain;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.FollowChanged;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.kit.visibility.Audience;
import org.intranet.notification.store.GroupStore;

/**
 * People and groups → notifications: {@code FOLLOW} when someone starts following me (once per follower, however
 * often they unfollow and follow again), {@code GROUP} when someone else adds me to a group. Also keeps the group
 * names and the membership read-copy those and every audience check need.
 */
@ApplicationScoped
public class PeopleNotifier {
    private final ProcessedEvents processed;
    private final NotificationWriter writer;
    private final GroupStore groups;
    private final GroupMemberCopies members;

    PeopleNotifier(ProcessedEvents processed, NotificationWriter writer, GroupStore groups,
            GroupMemberCopies members) {
        this.processed = processed;
        this.writer = writer;
        this.groups = groups;
        this.members = members;
    }

    @Transactional
    public void followAdded(String eventId, FollowChanged follow) {
        if (follow.followerId() == null || follow.followerId().isBlank() || follow.target() == null
                || follow.target().isBlank()) {
            throw new PoisonEventException("follow.added " + eventId + " lacks followerId or target");
        }
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId)
                || !"PERSON".equals(follow.kind() == null ? null : follow.kind().toUpperCase(Locale.ROOT))) {
            return;
        }
        NotificationWriter.Actor follower = writer.actor(follow.followerId());
        if (follower.erased()) {
            return;
        }
        String actorName = follower.name();
        writer.write(new NotificationWriter.Draft(follow.target(), NotificationType.FOLLOW,
                "follow:" + follow.followerId(), follow.followerId(), Notification.Subject.none(),
                List.of(Audience.user(follow.target())), false, others -> NotificationText.follow(actorName)),
                actorName);
    }

    /**
     * The membership copy first: the notification's audience check then sees the new member in the group.
     *
     * @param notify false for an event too old to notify anyone ({@link EventHorizon}): the copy only
     */
    @Transactional
    public void memberAdded(String eventId, MembershipChanged m, boolean notify) {
        boolean wasMember = m != null && m.groupId() != null && m.employeeId() != null
                && groups.isMember(m.groupId(), m.employeeId());
        if (!members.applyOnce(PostNotifier.CONSUMER, eventId, m, true) || !notify || wasMember || m.by() == null
                || m.by().equals(m.employeeId())) {
            return; // a redelivery, a role change, or someone joining by themselves
        }
        NotificationWriter.Actor adder = writer.actor(m.by());
        if (adder.erased()) {
            return;
        }
        String actorName = adder.name();
        String groupName = groups.name(m.groupId()).orElse(null);
        writer.write(new NotificationWriter.Draft(m.employeeId(), NotificationType.GROUP,
                "group:added:" + m.groupId(), m.by(), Notification.Subject.group(m.groupId()),
                List.of(Audience.group(m.groupId())), false,
                others -> NotificationText.addedToGroup(actorName, groupName)), actorName);
    }

    @Transactional
    public void memberRemoved(String eventId, MembershipChanged m) {
        members.applyOnce(PostNotifier.CONSUMER, eventId, m, false);
    }

    @Transactional
    public void groupChanged(String eventId, GroupChanged g) {
        if (g.groupId() == null || g.groupId().isBlank() || g.name() == null) {
            throw new PoisonEventException("group event " + eventId + " lacks groupId or name");
        }
        if (processed.markOnce(PostNotifier.CONSUMER, eventId)) {
            groups.upsert(g.groupId(), g.name(), g.visibility() == null ? "PUBLIC" : g.visibility(), g.version());
        }
    }
}
