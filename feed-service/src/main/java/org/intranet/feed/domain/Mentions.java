package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.contracts.MentionsResolved;
import org.intranet.feed.config.FeedConfig;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.MentionStore;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;

/**
 * Turns the {@code @handles} of a text into employees, without ever dropping one: a handle the employee read-copy
 * does not know yet (the profile event is seconds behind on a fresh provisioning) is kept as pending, and resolved
 * when that employee's snapshot arrives, with a {@code post.mentioned} event so they are notified then.
 */
@ApplicationScoped
public class Mentions {
    private final MentionStore store;
    private final FeedEvents events;
    private final FeedConfig config;
    private final Clock clock = Clock.systemUTC();

    Mentions(MentionStore store, FeedEvents events, FeedConfig config) {
        this.store = store;
        this.events = events;
        this.config = config;
    }

    /** Employees named by a text, and the handles that named nobody (yet). */
    public record Resolved(List<String> employeeIds, List<String> pending) {
    }

    /** @param sanitizedBody read from what is stored: a handle inside removed markup reaches nobody */
    public Resolved resolve(String sanitizedBody) {
        List<String> handles = PostText.handles(sanitizedBody);
        List<MentionStore.Named> named = store.activeByHandle(handles);
        Set<String> found = named.stream().map(MentionStore.Named::handle).collect(Collectors.toSet());
        List<String> pending = handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct()
                .filter(h -> !found.contains(h)).toList();
        return new Resolved(named.stream().map(MentionStore.Named::employeeId).distinct().toList(), pending);
    }

    /** Keeps a text's unresolved handles, in the transaction that stores the text. */
    public void keepPending(Resolved resolved, UUID postId, UUID commentId, Instant at) {
        store.keepPending(resolved.pending(), postId, commentId, at);
    }

    /**
     * A snapshot changed the read-copy (same transaction as the copy): if it introduces a handle, or makes someone
     * active again, the texts that named that handle recently mention them now.
     */
    void onEmployee(@Observes EmployeeCopies.Applied applied) {
        EmployeeCopy now = applied.current();
        if (!now.active() || now.username() == null) {
            return;
        }
        boolean sameHandle = applied.previous().map(p -> p.active()
                && now.username().equalsIgnoreCase(p.username())).orElse(false);
        if (sameHandle) {
            return;
        }
        Instant since = Instant.now(clock).minus(config.mentions().pendingWindow());
        List<MentionsResolved> resolved = new ArrayList<>();
        for (MentionStore.Pending pending : store.takePending(now.username(), since)) {
            Optional<MentionStore.Target> target = pending.commentId() == null
                    ? store.addToPost(pending.postId(), now.id())
                    : store.addToComment(pending.commentId(), now.id());
            target.filter(t -> !now.id().equals(t.authorId())).ifPresent(t -> resolved.add(new MentionsResolved(
                    t.postId().toString(), t.commentId() == null ? null : t.commentId().toString(), t.authorId(),
                    t.body(), t.groupId(), t.audience(), List.of(now.id()), Instant.now(clock), t.postAuthorId())));
        }
        resolved.forEach(events::mentionsResolved);
    }
}
