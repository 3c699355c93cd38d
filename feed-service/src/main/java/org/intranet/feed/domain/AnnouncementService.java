package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.AnnouncementStore;
import org.intranet.feed.store.FeedQueries;
import org.intranet.feed.store.GroupStore;
import org.intranet.feed.store.PostStore;
import org.intranet.feed.store.RevisionStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.visibility.Audience;
import org.intranet.kit.visibility.Principals;
import org.intranet.kit.visibility.Readers;

import io.quarkus.scheduler.Scheduled;

/**
 * HR announcements: who may publish them and to whom, scheduling, receipts (seen, acknowledged) and reach. The
 * audience is a list of principals on the post, so every read path applies it through the one visibility rule,
 * against read-copies as they are now: someone who joins the department sees it, someone who leaves stops.
 */
@ApplicationScoped
public class AnnouncementService {
    private static final int SCHEDULER_BATCH = 100;
    private final AnnouncementStore store;
    private final PostStore posts;
    private final GroupStore groups;
    private final RevisionStore revisions;
    private final FeedQueries queries;
    private final Readers readers;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    AnnouncementService(AnnouncementStore store, PostStore posts, GroupStore groups, RevisionStore revisions,
            FeedQueries queries, Readers readers, FeedEvents events) {
        this.store = store;
        this.posts = posts;
        this.groups = groups;
        this.revisions = revisions;
        this.queries = queries;
        this.readers = readers;
        this.events = events;
    }

    public static boolean mayPublish(Caller caller) {
        return caller.isHrOrAdmin();
    }

    /**
     * Checks an announcement and completes the post with it, before anything is stored. A scheduled one admits HR
     * only until it is published; an announcement is never fanned out (its audience may be the whole company): home
     * feeds merge it at read time.
     */
    public void prepare(Caller author, Draft draft, Post post) {
        if (!mayPublish(author)) {
            throw new AccessDeniedException("only HR or an admin may publish announcements");
        }
        if (draft.groupId() != null) {
            throw new InvalidRequestException("an announcement is not posted in a group; target groups with "
                    + "audience.groups");
        }
        Draft.Announcement a = draft.announcement();
        if (a == null) {
            throw new InvalidRequestException("an announcement needs an audience: {\"everyone\":true}, or "
                    + "departments, locations or groups");
        }
        List<String> audience = audience(author, a);
        Instant now = now();
        if (a.publishAt() != null && !a.publishAt().isAfter(now)) {
            throw new InvalidRequestException("publishAt must be in the future; leave it out to publish now");
        }
        Instant start = a.publishAt() == null ? now : a.publishAt();
        if (a.expiresAt() != null && !a.expiresAt().isAfter(start)) {
            throw new InvalidRequestException("expiresAt must be after " + (a.publishAt() == null ? "now"
                    : "publishAt"));
        }
        if (a.pinnedUntil() != null && !a.pinnedUntil().isAfter(start)) {
            throw new InvalidRequestException("pinnedUntil must be after " + (a.publishAt() == null ? "now"
                    : "publishAt"));
        }
        post.mustRead = a.mustRead();
        post.pinnedUntil = a.pinnedUntil();
        post.expiresAt = a.expiresAt();
        post.broadcast = true;
        if (a.publishAt() != null) {
            post.publishAt = a.publishAt().truncatedTo(ChronoUnit.MICROS);
            post.targetAudience = audience;
            post.audience = List.of(Audience.HR_STAFF);
        } else {
            post.audience = audience;
        }
    }

    private List<String> audience(Caller author, Draft.Announcement a) {
        boolean parts = !a.departments().isEmpty() || !a.locations().isEmpty() || !a.groups().isEmpty();
        if (a.everyone() && parts) {
            throw new InvalidRequestException("audience is everyone or a list of departments, locations and "
                    + "groups, not both");
        }
        if (a.everyone()) {
            return List.of(Audience.EVERYONE);
        }
        if (!parts) {
            throw new InvalidRequestException("an announcement needs an audience: {\"everyone\":true}, or "
                    + "departments, locations or groups");
        }
        List<String> audience = new ArrayList<>();
        a.departments().forEach(d -> audience.add(Audience.department(d)));
        a.locations().forEach(l -> audience.add(Audience.location(l)));
        for (String groupId : a.groups()) {
            groups.get(groupId, author.id())
                    .orElseThrow(() -> new InvalidRequestException("audience names group " + groupId
                            + ", which does not exist"));
            audience.add(Audience.group(groupId));
        }
        return List.copyOf(audience);
    }

    /**
     * Publishes what is due: the audience takes effect, the post dates from now (so it comes first in the feeds),
     * and its events go out with it. Rows are locked and skipped by other replicas, and a published one has no
     * {@code publish_at} left, so none is published twice; a restart loses nothing (the schedule is the table).
     */
    @Scheduled(every = "${intranet.feed.announcements.publish-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void publishDue() {
        Instant now = now();
        for (UUID id : store.due(now, SCHEDULER_BATCH)) {
            Post post = posts.findById(id);
            post.audience = post.targetAudience;
            post.targetAudience = null;
            post.publishAt = null;
            post.createdAt = now;
            post.updatedAt = now;
            revisions.tag(post.id, post.createdAt, post.hashtags);
            events.postPublished(post);
            events.announcementPublished(post);
        }
    }

    /** The client showed it (a list item in view): recorded once, for someone in its audience. */
    public void seen(Caller caller, UUID id) {
        Post post = inMyAudience(caller, id);
        store.seen(post.id, caller.id(), now());
    }

    /**
     * Opening it by link counts as seen; called for every post opened, it only records announcements the reader is
     * in the audience of.
     *
     * @return the item, marked seen when this opened it
     */
    public FeedItem opened(Principals reader, FeedItem item) {
        FeedItem.Announcement a = item.announcement();
        if (a == null || a.seenAt() != null || a.scheduled() || !reader.canSee(a.audience(), null)) {
            return item;
        }
        Instant now = now();
        store.seen(item.id(), reader.employeeId(), now);
        return item.withAnnouncement(a.seen(now));
    }

    /**
     * Acknowledges it, once: a second call changes nothing and publishes nothing; there is no way back.
     *
     * @return when the caller acknowledged it
     */
    @Transactional
    public Instant acknowledge(Caller caller, UUID id) {
        Post post = inMyAudience(caller, id);
        Instant now = now();
        return store.acknowledge(post.id, caller.id(), now).map(at -> {
            events.announcementAcknowledged(post.id, caller.id(), at);
            return at;
        }).orElseGet(() -> store.acknowledgedAt(post.id, caller.id()).orElse(now));
    }

    /** The live announcements for the caller: unacknowledged must-read first, then pinned, then newest. */
    public List<FeedItem> active(Caller caller, ActivePosition after, int limit) {
        return queries.announcements(readers.of(caller), after, limit);
    }

    /** Reach, for HR, an admin or the author. */
    public Reach reach(Caller caller, UUID id) {
        Post post = reportable(caller, id);
        return store.reach(post.id, audienceOf(post));
    }

    public List<AnnouncementStore.Pending> pending(Caller caller, UUID id, String afterId, int limit) {
        Post post = reportable(caller, id);
        return store.pending(post.id, audienceOf(post), afterId, limit);
    }

    private static List<String> audienceOf(Post post) {
        return post.scheduled() ? post.targetAudience : post.audience;
    }

    private Post reportable(Caller caller, UUID id) {
        Post post = announcement(id);
        boolean author = post.authorId.equals(caller.id());
        if (!author && !mayPublish(caller)) {
            // visible or not, an employee learns nothing about it from here
            if (!readers.of(caller).canSee(post.audience, post.authorId)) {
                throw new NotFoundException("no announcement " + id);
            }
            throw new AccessDeniedException("only HR, an admin or its author may see the reach of announcement "
                    + id);
        }
        return post;
    }

    private Post inMyAudience(Caller caller, UUID id) {
        Post post = announcement(id);
        Principals me = readers.of(caller);
        // the author rule does not count here: only the audience receives, and a scheduled one has none yet
        if (post.scheduled() || !me.canSee(post.audience, null)) {
            throw new NotFoundException("no announcement " + id);
        }
        return post;
    }

    private Post announcement(UUID id) {
        Post post = posts.readOnly(id);
        if (post == null || post.deleted() || post.kind != Post.Kind.ANNOUNCEMENT) {
            throw new NotFoundException("no announcement " + id);
        }
        return post;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
