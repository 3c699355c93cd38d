package org.intranet.contracts;

/**
 * CloudEvent {@code type} values: {@code intranet.<service>.<aggregate>.<verb>.v<N>}. Within a version fields are
 * only ever added; a breaking change gets a new version and both are published during the migration.
 */
public final class EventTypes {
    public static final String EMPLOYEE_CREATED = "intranet.profile.employee.created.v1";
    public static final String EMPLOYEE_UPDATED = "intranet.profile.employee.updated.v1";
    public static final String POST_PUBLISHED = "intranet.feed.post.published.v1";

    /** CloudEvent {@code source} of each producer. */
    public static final String PROFILE_SOURCE = "/intranet/profile-service";
    public static final String FEED_SOURCE = "/intranet/feed-service";

    private EventTypes() {
    }
}
