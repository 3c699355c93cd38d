package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.ReactionChanged;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.ReactionStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;

/**
 * One reaction per person per post, and per person per comment, for anyone who may see the post. Every change locks
 * its target row first, then reads the caller's reaction, then writes the reaction, the counters and the event:
 * the same request twice (a retry, or two in parallel) has one effect, and one that changes nothing publishes
 * nothing.
 */
@ApplicationScoped
public class ReactionService {
    private final PostService posts;
    private final ReactionStore store;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    ReactionService(PostService posts, ReactionStore store, FeedEvents events) {
        this.posts = posts;
        this.store = store;
        this.events = events;
    }

    /** Counts per type (types without reactions left out, in {@link ReactionType} order) and the caller's own. */
    public record Tally(Map<String, Integer> counts, ReactionType mine) {
    }

    /** Someone who reacted to a post; name and handle are null until the employee read-copy knows them. */
    public record Reactor(String employeeId, String name, String handle, ReactionType type, Instant reactedAt) {
        public After position() {
            return new After(reactedAt, employeeId);
        }
    }

    /** Where a newest-first list of reactors continues: after this (reacted_at, employee id). */
    public record After(Instant reactedAt, String employeeId) {
    }

    public record ReactorPage(List<Reactor> items, After next) {
    }

    /** Sets the caller's reaction on a post, or switches it to {@code type}. */
    @Transactional
    public Tally setOnPost(Caller caller, UUID postId, ReactionType type) {
        return change(caller, postId, null, type, true);
    }

    /** Removes the caller's reaction on a post when it is of {@code type}; anything else changes nothing. */
    @Transactional
    public Tally removeFromPost(Caller caller, UUID postId, ReactionType type) {
        return change(caller, postId, null, type, false);
    }

    /** Sets or switches the caller's reaction on a live comment of a post they may see. */
    @Transactional
    public Tally setOnComment(Caller caller, UUID postId, UUID commentId, ReactionType type) {
        return change(caller, postId, commentId, type, true);
    }

    /** Removes the caller's reaction on a comment when it is of {@code type}. */
    @Transactional
    public Tally removeFromComment(Caller caller, UUID postId, UUID commentId, ReactionType type) {
        return change(caller, postId, commentId, type, false);
    }

    /** What is reacted to, locked: the post itself ({@code commentId} null) or one of its comments. */
    private record Target(UUID postId, UUID commentId, String authorId, Map<String, Integer> counts) {
    }

    /**
     * Sets ({@code set}) or removes the caller's reaction of {@code type} on a post or a comment: lock the target,
     * read the caller's reaction, and only when that changes anything write it, the counters and the event.
     */
    private Tally change(Caller caller, UUID postId, UUID commentId, ReactionType type, boolean set) {
        Post post = posts.visible(caller, postId);
        Target target = commentId == null
                ? new Target(postId, null, post.authorId, store.lockPost(postId).orElseThrow(() -> noPost(postId)))
                : store.lockComment(postId, commentId)
                        .map(c -> new Target(postId, commentId, c.authorId(), c.counts()))
                        .orElseThrow(() -> noComment(commentId));
        Map<String, Integer> counts = new HashMap<>(target.counts());
        Optional<ReactionType> mine = commentId == null ? store.ofPost(postId, caller.id())
                : store.ofComment(commentId, caller.id());
        boolean hasIt = mine.equals(Optional.of(type));
        if (set == hasIt) {
            return tally(counts, mine.orElse(null));
        }
        Instant now = now();
        if (set) {
            if (commentId == null) {
                store.setOnPost(postId, caller.id(), type, now);
            } else {
                store.setOnComment(commentId, caller.id(), type, now);
            }
            mine.ifPresent(previous -> add(counts, previous, -1));
            add(counts, type, 1);
        } else {
            if (commentId == null) {
                store.removeFromPost(postId, caller.id());
            } else {
                store.removeFromComment(commentId, caller.id());
            }
            add(counts, type, -1);
        }
        if (commentId == null) {
            store.countOnPost(postId, counts);
        } else {
            store.countOnComment(commentId, counts);
        }
        events.reaction(set ? EventTypes.REACTION_SET : EventTypes.REACTION_REMOVED, new ReactionChanged(
                postId.toString(), commentId == null ? null : commentId.toString(), caller.id(), target.authorId(),
                type.name(), set ? mine.map(Enum::name).orElse(null) : null, post.groupId, post.audience, now));
        return tally(counts, set ? type : null);
    }

    /** Who reacted to a post the caller may see, newest first, optionally of one type. A read: no transaction. */
    public ReactorPage reactors(Caller caller, UUID postId, ReactionType type, After after, int limit) {
        posts.visible(caller, postId);
        List<Reactor> rows = store.reactors(postId, type, after, limit + 1);
        if (rows.size() <= limit) {
            return new ReactorPage(rows, null);
        }
        List<Reactor> items = new ArrayList<>(rows.subList(0, limit));
        return new ReactorPage(items, items.get(limit - 1).position());
    }

    /** Counts in {@link ReactionType} order, without the types nobody used. */
    public static Map<String, Integer> inTypeOrder(Map<String, Integer> counts) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (ReactionType t : ReactionType.values()) {
            Integer n = counts.get(t.name());
            if (n != null && n > 0) {
                ordered.put(t.name(), n);
            }
        }
        return ordered;
    }

    private static Tally tally(Map<String, Integer> counts, ReactionType mine) {
        return new Tally(inTypeOrder(counts), mine);
    }

    private static void add(Map<String, Integer> counts, ReactionType type, int delta) {
        int n = counts.getOrDefault(type.name(), 0) + delta;
        if (n > 0) {
            counts.put(type.name(), n);
        } else {
            counts.remove(type.name());
        }
    }

    private static NotFoundException noPost(UUID postId) {
        return new NotFoundException("no post " + postId);
    }

    private static NotFoundException noComment(UUID commentId) {
        return new NotFoundException("no comment " + commentId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
