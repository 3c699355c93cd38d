package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.intranet.feed.config.FeedConfig;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.GroupStore;
import org.intranet.feed.store.MentionStore;
import org.intranet.feed.store.PostStore;
import org.intranet.feed.store.RevisionStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.visibility.Audience;
import org.intranet.kit.visibility.Readers;

/** Publishing, editing and deleting posts; every change and its event commit together. */
@ApplicationScoped
public class PostService {
    private final PostStore posts;
    private final RevisionStore revisions;
    private final GroupStore groups;
    private final Mentions mentions;
    private final MentionStore pendingMentions;
    private final Readers readers;
    private final FeedEvents events;
    private final FeedConfig config;
    private final RecognitionService recognitions;
    private final AnnouncementService announcements;
    private final Clock clock = Clock.systemUTC();

    PostService(PostStore posts, RevisionStore revisions, GroupStore groups, Mentions mentions,
            MentionStore pendingMentions, Readers readers, FeedEvents events, FeedConfig config,
            RecognitionService recognitions, AnnouncementService announcements) {
        this.recognitions = recognitions;
        this.announcements = announcements;
        this.posts = posts;
        this.revisions = revisions;
        this.groups = groups;
        this.mentions = mentions;
        this.pendingMentions = pendingMentions;
        this.readers = readers;
        this.events = events;
        this.config = config;
    }

    /**
     * Stores the post, its first revision, its tags and its post.published event in one transaction; a recognition
     * also its recipients and its recognition.given event.
     */
    @Transactional
    public Post publish(Caller author, Draft draft) {
        boolean recognition = draft.kind() == Post.Kind.RECOGNITION;
        boolean announcement = draft.kind() == Post.Kind.ANNOUNCEMENT;
        if (!recognition && (!draft.recipients().isEmpty() || draft.value() != null || draft.badge() != null)) {
            throw new InvalidRequestException("recipients, value and badge belong to a RECOGNITION; this is an "
                    + draft.kind());
        }
        if (!announcement && draft.announcement() != null) {
            throw new InvalidRequestException("audience, mustRead, pinnedUntil, expiresAt and publishAt belong to an "
                    + "ANNOUNCEMENT; this is an " + draft.kind());
        }
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.authorId = author.id();
        post.kind = draft.kind();
        post.body = sanitized(draft.body());
        post.groupId = draft.groupId();
        post.links = new ArrayList<>(draft.links());
        Group group = null;
        if (announcement) {
            announcements.prepare(author, draft, post); // its audience, schedule and pins
        } else if (draft.groupId() != null) {
            group = postableGroup(author, draft.groupId());
            post.audience = group.isPrivate() ? List.of(Audience.group(group.id()))
                    : List.of(Audience.EVERYONE, Audience.group(group.id()));
            // too many members to fan out row by row: home feeds merge its posts at read time (FeedTimelines)
            post.broadcast = group.memberCount() > config.timeline().fanOutGroupLimit();
        } else {
            post.audience = List.of(Audience.EVERYONE);
        }
        if (recognition) {
            recognitions.prepare(author, draft, group, post);
        }
        Mentions.Resolved named = mentions.resolve(post.body);
        post.mentions = named.employeeIds();
        post.hashtags = PostText.hashtags(post.body);
        // microseconds: what PostgreSQL stores, so the cursor of a returned post matches the stored row
        post.createdAt = now();
        post.updatedAt = post.createdAt;
        posts.persistAndFlush(post);
        mentions.keepPending(named, post.id, null, post.createdAt);
        revisions.add(post.id, new Revision(1, post.body, post.links, author.id(), post.createdAt));
        revisions.tag(post.id, post.createdAt, post.hashtags);
        if (post.scheduled()) {
            // its events go out when the scheduler publishes it (AnnouncementService.publishDue)
            return post;
        }
        events.postPublished(post);
        if (announcement) {
            events.announcementPublished(post);
        }
        if (recognition) {
            recognitions.record(post);
            events.recognitionGiven(post);
        }
        return post;
    }

    /** The author changes the text or the links; the old text stays in the history. */
    @Transactional
    public Post edit(Caller caller, UUID id, Edit edit) {
        Post post = visibleForUpdate(caller, id);
        if (!post.authorId.equals(caller.id())) {
            throw new AccessDeniedException("only the author may edit post " + id);
        }
        if (edit.body() == null && edit.links() == null) {
            throw new InvalidRequestException("nothing to change: give a body, links, or both");
        }
        Instant now = now();
        if (edit.body() != null) {
            post.body = sanitized(edit.body());
            pendingMentions.forgetPendingOfPost(post.id);
            Mentions.Resolved named = mentions.resolve(post.body);
            post.mentions = named.employeeIds();
            mentions.keepPending(named, post.id, null, now);
            post.hashtags = PostText.hashtags(post.body);
            revisions.tag(post.id, post.createdAt, post.hashtags);
        }
        if (edit.links() != null) {
            post.links = new ArrayList<>(edit.links());
        }
        post.revision++;
        post.editedAt = now;
        post.updatedAt = now;
        revisions.add(post.id, new Revision(post.revision, post.body, post.links, caller.id(), now));
        events.postEdited(post);
        return post;
    }

    /** Soft delete by the author, an owner of the post's group, or an admin; it disappears from every feed. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        Post post = visibleForUpdate(caller, id);
        boolean allowed = post.authorId.equals(caller.id()) || caller.hasRole(Caller.ADMIN)
                || (post.groupId != null && groups.isOwner(post.groupId, caller.id()));
        if (!allowed) {
            throw new AccessDeniedException("only the author, an owner of its group or an admin may delete post " + id);
        }
        post.deletedAt = now();
        post.deletedBy = caller.id();
        post.updatedAt = post.deletedAt;
        pendingMentions.forgetPendingOfPost(post.id);
        revisions.tag(post.id, post.createdAt, List.of());
        events.postDeleted(post);
    }

    /**
     * Every text the post has had, newest first, for whoever may see the post: limit + 1 of them below revision
     * {@code before} (the extra one tells a next page exists).
     */
    public List<Revision> history(Caller caller, UUID id, int before, int limit) {
        visible(caller, id);
        return revisions.of(id, before, limit);
    }

    /**
     * A post the caller may see; an invisible one answers exactly like a missing one (404), its existence is not
     * the caller's business. A read: no transaction needed, the entity comes back detached.
     */
    public Post visible(Caller caller, UUID id) {
        Post post = posts.readOnly(id);
        if (post == null || post.deleted() || !readers.of(caller).canSee(post.audience, post.authorId)) {
            throw new NotFoundException("no post " + id);
        }
        return post;
    }

    private Post visibleForUpdate(Caller caller, UUID id) {
        Post post = posts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null || post.deleted() || !readers.of(caller).canSee(post.audience, post.authorId)) {
            throw new NotFoundException("no post " + id);
        }
        return post;
    }

    /** The group as its author sees it: one read gives both the group and the author's role in it. */
    private Group postableGroup(Caller author, String groupId) {
        Group group = groups.get(groupId, author.id()).orElseThrow(() -> new NotFoundException("no group " + groupId));
        if (!group.member()) {
            throw new AccessDeniedException("only members may post in group " + group.id());
        }
        return group;
    }

    private static String sanitized(String body) {
        String safe = PostText.sanitize(body);
        if (safe.isBlank()) {
            throw new InvalidRequestException("body has no visible text once unsafe markup is removed");
        }
        return safe;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
