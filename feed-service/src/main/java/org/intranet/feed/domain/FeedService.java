package org.intranet.feed.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final AnnouncementService announcements;

    FeedService(FeedQueries queries, Readers readers, FeedTimelines timelines, GroupService groups,
            AnnouncementService announcements) {
        this.announcements = announcements;
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
        return pinnedFirst(reader, after, queries.home(reader, myGroups, after, limit));
    }

    /** Everything company-wide (not in a group) that the caller may see; pinned announcements first. */
    public FeedPage company(Caller caller, Position after, int limit) {
        Principals reader = readers.of(caller);
        return pinnedFirst(reader, after, queries.company(reader, after, limit));
    }

    /**
     * The first page leads with the announcements pinned now (a few), which then do not repeat in their
     * chronological place; the cursor stays on the chronological items, so later pages are unchanged.
     */
    private FeedPage pinnedFirst(Principals reader, Position after, FeedPage page) {
        if (after != null) {
            return page;
        }
        List<FeedItem> pinned = queries.pinned(reader);
        if (pinned.isEmpty()) {
            return page;
        }
        Set<UUID> ids = pinned.stream().map(FeedItem::id).collect(Collectors.toSet());
        List<FeedItem> items = new ArrayList<>(pinned);
        page.items().stream().filter(i -> !ids.contains(i.id())).forEach(items::add);
        return new FeedPage(items, page.next());
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

    /** A post opened by its reader: an announcement they are in the audience of counts as seen. */
    public FeedItem open(Caller caller, UUID id) {
        Principals reader = readers.of(caller);
        FeedItem item = queries.one(reader, id).orElseThrow(() -> new NotFoundException("no post " + id));
        return announcements.opened(reader, item);
    }
}
