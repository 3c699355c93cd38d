package org.intranet.feed.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.store.FeedQueries;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Position;
import org.intranet.kit.visibility.Audience;
import org.intranet.kit.visibility.Principals;
import org.intranet.kit.visibility.Readers;

/** Reads feeds and posts as items, always through the caller's principals (the one visibility rule). */
@ApplicationScoped
public class FeedService {
    private static final String GROUP_PREFIX = Audience.group("");
    private final FeedQueries queries;
    private final Readers readers;
    private final FeedTimelines timelines;
    private final GroupService groups;

    FeedService(FeedQueries queries, Readers readers, FeedTimelines timelines, GroupService groups) {
        this.queries = queries;
        this.readers = readers;
        this.timelines = timelines;
        this.groups = groups;
    }

    /**
     * Posts of people and topics the caller follows, of their groups and their own, from their materialised
     * timeline (built on first read), merged with the broadcast posts of their groups too large to fan out.
     */
    public FeedPage home(Caller caller, Position after, int limit) {
        timelines.ensure(caller.id());
        Principals reader = readers.of(caller);
        List<String> myGroups = reader.values().stream().filter(v -> v.startsWith(GROUP_PREFIX))
                .map(v -> v.substring(GROUP_PREFIX.length())).toList();
        return queries.home(reader, myGroups, after, limit);
    }

    /** Everything company-wide (not in a group) that the caller may see. */
    public FeedPage company(Caller caller, Position after, int limit) {
        return queries.company(readers.of(caller), after, limit);
    }

    public FeedPage person(Caller caller, String personId, Position after, int limit) {
        return queries.person(readers.of(caller), personId, after, limit);
    }

    public FeedPage topic(Caller caller, String tag, Position after, int limit) {
        return queries.topic(readers.of(caller), FollowService.topic(tag), after, limit);
    }

    /** A group's posts; a private group answers 404 to a non-member. */
    public FeedPage group(Caller caller, String groupId, Position after, int limit) {
        groups.get(caller, groupId);
        return queries.group(readers.of(caller), groupId, after, limit);
    }

    /** One post as an item; a post the caller may not see answers 404 exactly like a missing one. */
    public FeedItem post(Caller caller, UUID id) {
        return queries.one(readers.of(caller), id).orElseThrow(() -> new NotFoundException("no post " + id));
    }
}
