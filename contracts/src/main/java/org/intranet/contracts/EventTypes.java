package org.intranet.contracts;

/**
 * CloudEvent {@code type} values: {@code intranet.<service>.<aggregate>.<verb>.v<N>}. Within a version fields are
 * only ever added; a breaking change gets a new version and both are published during the migration.
 */
public final class EventTypes {
    public static final String EMPLOYEE_CREATED = "intranet.profile.employee.created.v1";
    public static final String EMPLOYEE_UPDATED = "intranet.profile.employee.updated.v1";
    public static final String EMPLOYEE_DEACTIVATED = "intranet.profile.employee.deactivated.v1";
    public static final String EMPLOYEE_ERASED = "intranet.profile.employee.erased.v1";
    public static final String MANAGER_CHANGED = "intranet.profile.manager.changed.v1";
    public static final String DEPARTMENT_CHANGED = "intranet.profile.department.changed.v1";
    public static final String DIRECTORY_GROUP_CHANGED = "intranet.profile.directorygroup.changed.v1";
    public static final String DIRECTORY_MEMBER_CHANGED = "intranet.profile.directorymember.changed.v1";
    public static final String POST_PUBLISHED = "intranet.feed.post.published.v1";
    public static final String POST_EDITED = "intranet.feed.post.edited.v1";
    public static final String POST_DELETED = "intranet.feed.post.deleted.v1";
    public static final String POST_MENTIONED = "intranet.feed.post.mentioned.v1";
    public static final String COMMENT_ADDED = "intranet.feed.comment.added.v1";
    public static final String COMMENT_EDITED = "intranet.feed.comment.edited.v1";
    public static final String COMMENT_DELETED = "intranet.feed.comment.deleted.v1";
    public static final String REACTION_SET = "intranet.feed.reaction.set.v1";
    public static final String REACTION_REMOVED = "intranet.feed.reaction.removed.v1";
    public static final String GROUP_CREATED = "intranet.feed.group.created.v1";
    public static final String GROUP_UPDATED = "intranet.feed.group.updated.v1";
    public static final String MEMBER_ADDED = "intranet.feed.member.added.v1";
    public static final String MEMBER_REMOVED = "intranet.feed.member.removed.v1";
    public static final String FOLLOW_ADDED = "intranet.feed.follow.added.v1";
    public static final String FOLLOW_REMOVED = "intranet.feed.follow.removed.v1";
    public static final String RECOGNITION_GIVEN = "intranet.feed.recognition.given.v1";
    public static final String ANNOUNCEMENT_PUBLISHED = "intranet.feed.announcement.published.v1";
    public static final String ANNOUNCEMENT_ACKNOWLEDGED = "intranet.feed.announcement.acknowledged.v1";

    /** CloudEvent {@code source} of each producer. */
    public static final String PROFILE_SOURCE = "/intranet/profile-service";
    public static final String FEED_SOURCE = "/intranet/feed-service";

    private EventTypes() {
    }
}
