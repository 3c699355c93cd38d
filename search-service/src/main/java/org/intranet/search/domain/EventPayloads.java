package org.intranet.search.domain;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EmployeeErased;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.PostChanged;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payloads search reads, parsed and checked before anything is written: an event without the ids its effect
 * needs is poison ({@link PoisonEventException}), and is rejected before a read-copy's transaction could be spoilt
 * by a check inside it.
 */
@ApplicationScoped
public class EventPayloads {
    private static final String PROFILE_TYPES = "intranet.profile.";

    private final ObjectMapper json;

    EventPayloads(ObjectMapper json) {
        this.json = json;
    }

    /** The payload of an event of either topic; null for the types search does not use. */
    public Object of(CloudEventRecord event) {
        return event.type().startsWith(PROFILE_TYPES) ? profile(event) : feed(event);
    }

    /** A profile event's payload, checked; null for the types search does not use. */
    public Object profile(CloudEventRecord event) {
        return switch (event.type()) {
            case EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED -> {
                EmployeeSnapshot s = event.data(json, EmployeeSnapshot.class);
                if (s == null || blank(s.id()) || blank(s.username())) {
                    throw new PoisonEventException("employee event " + event.id() + " lacks an id or a username");
                }
                yield s;
            }
            case EventTypes.EMPLOYEE_ERASED -> {
                EmployeeErased e = event.data(json, EmployeeErased.class);
                if (e == null || blank(e.id())) {
                    throw new PoisonEventException("erasure event " + event.id() + " lacks an employee id");
                }
                yield e;
            }
            default -> null;
        };
    }

    /** The event's payload, checked; null for the types search does not use. */
    public Object feed(CloudEventRecord event) {
        return switch (event.type()) {
            case EventTypes.POST_PUBLISHED ->
                    post(event, PostPublished.class, PostPublished::postId, PostPublished::authorId);
            case EventTypes.POST_EDITED -> post(event, PostChanged.class, PostChanged::postId, PostChanged::authorId);
            case EventTypes.ANNOUNCEMENT_PUBLISHED -> post(event, AnnouncementPublished.class,
                    AnnouncementPublished::postId, AnnouncementPublished::authorId);
            case EventTypes.POST_DELETED -> post(event, PostDeleted.class, PostDeleted::postId, PostDeleted::authorId);
            case EventTypes.COMMENT_ADDED, EventTypes.COMMENT_EDITED, EventTypes.COMMENT_DELETED -> comment(event);
            case EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED -> {
                GroupChanged g = event.data(json, GroupChanged.class);
                if (g == null || blank(g.groupId()) || blank(g.name())) {
                    throw new PoisonEventException("group event " + event.id() + " lacks a groupId or a name");
                }
                yield g;
            }
            case EventTypes.MEMBER_ADDED, EventTypes.MEMBER_REMOVED -> {
                MembershipChanged m = event.data(json, MembershipChanged.class);
                if (m == null || blank(m.groupId()) || blank(m.employeeId())) {
                    throw new PoisonEventException("membership event " + event.id() + " lacks a group or employee");
                }
                yield m;
            }
            // reactions, follows, recognition (its post carries recipients and value), acknowledgements
            default -> null;
        };
    }

    private CommentChanged comment(CloudEventRecord event) {
        CommentChanged c = event.data(json, CommentChanged.class);
        if (c == null || blank(c.commentId()) || blank(c.postId()) || blank(c.authorId())) {
            throw new PoisonEventException("comment event " + event.id() + " lacks a comment, post or author id");
        }
        return c;
    }

    /** A post event of any kind: each names the post and its author. */
    private <T> T post(CloudEventRecord event, Class<T> type, Function<T, String> postId,
            Function<T, String> authorId) {
        T p = event.data(json, type);
        if (p == null || blank(postId.apply(p)) || blank(authorId.apply(p))) {
            throw new PoisonEventException("post event " + event.id() + " has no post or author id");
        }
        return p;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
