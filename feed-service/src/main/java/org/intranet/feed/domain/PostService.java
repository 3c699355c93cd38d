package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.GroupStore;
import org.intranet.feed.store.PostStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.visibility.Audience;
import org.intranet.kit.visibility.Readers;

@ApplicationScoped
public class PostService {
    private final PostStore posts;
    private final EmployeeCopies employees;
    private final GroupStore groups;
    private final Readers readers;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    PostService(PostStore posts, EmployeeCopies employees, GroupStore groups, Readers readers, FeedEvents events) {
        this.posts = posts;
        this.employees = employees;
        this.groups = groups;
        this.readers = readers;
        this.events = events;
    }

    /** Stores the post and its post.published event in one transaction. */
    @Transactional
    public Post publish(Caller author, Draft draft) {
        if (draft.kind() != Post.Kind.UPDATE) {
            throw new InvalidRequestException("kind " + draft.kind() + " is not open for publishing yet; use UPDATE");
        }
        String body = PostText.sanitize(draft.body());
        if (body.isBlank()) {
            throw new InvalidRequestException("body has no visible text once unsafe markup is removed");
        }
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.authorId = author.id();
        post.kind = draft.kind();
        post.body = body;
        post.groupId = draft.groupId();
        post.audience = audienceOf(author, draft);
        // read from what is stored: a mention inside removed markup reaches nobody, as nobody can read it
        post.mentions = employees.activeIdsOfHandles(PostText.handles(body));
        post.hashtags = PostText.hashtags(body);
        // microseconds: what PostgreSQL stores, so the cursor of a returned post matches the stored row
        post.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        post.updatedAt = post.createdAt;
        posts.persist(post);
        events.postPublished(post);
        return post;
    }

    /** A read: no transaction needed, the entity comes back detached. */
    public Post get(Caller caller, UUID id) {
        Post post = posts.findById(id);
        // an invisible post answers like a missing one: its existence is not the caller's business
        if (post == null || post.deletedAt != null || !readers.of(caller).canSee(post.audience, post.authorId)) {
            throw new NotFoundException("no post " + id);
        }
        return post;
    }

    private List<String> audienceOf(Caller author, Draft draft) {
        if (draft.groupId() == null) {
            return List.of(Audience.EVERYONE);
        }
        GroupStore.GroupRef group = groups.find(draft.groupId())
                .orElseThrow(() -> new NotFoundException("no group " + draft.groupId()));
        if (!groups.isMember(group.id(), author.id())) {
            throw new AccessDeniedException("only members may post in group " + group.id());
        }
        return group.isPrivate() ? List.of(Audience.group(group.id())) : List.of(Audience.EVERYONE,
                Audience.group(group.id()));
    }
}
