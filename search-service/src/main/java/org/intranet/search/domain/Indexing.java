package org.intranet.search.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
import org.intranet.kit.events.BatchEventConsumer.Rejections;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.search.store.Bulk;
import org.intranet.search.store.IndexDocuments;
import org.intranet.search.store.SearchDocuments;
import org.intranet.search.store.SearchIndex;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns a batch of events into one {@link Bulk} and writes it. The read-copies (employees, group members) change in
 * the same transaction, and the index write goes last: when the engine fails, the read-copies roll back with it and
 * the whole batch is handled again. Documents need no de-dup rows: every write is versioned by the event's sequence
 * (posts, comments) or the snapshot's version (people, groups), so a redelivered or older event changes nothing.
 */
@ApplicationScoped
public class Indexing {
    public static final String PROFILE_CONSUMER = "search.profile";
    public static final String FEED_CONSUMER = "search.feed";

    private final EventPayloads payloads;
    private final EmployeeCopies employees;
    private final GroupMemberCopies members;
    private final IndexDocuments docs;
    private final SearchDocuments documents;
    private final MeterRegistry metrics;

    Indexing(EventPayloads payloads, EmployeeCopies employees, GroupMemberCopies members, IndexDocuments docs,
            SearchDocuments documents, MeterRegistry metrics) {
        this.payloads = payloads;
        this.employees = employees;
        this.members = members;
        this.docs = docs;
        this.documents = documents;
        this.metrics = metrics;
    }

    /** {@code intranet.feed}: posts, comments, announcements, groups, and the members read-copy. */
    @Transactional
    public void feed(List<CloudEventRecord> events, Rejections rejections) {
        List<Parsed> parsed = new ArrayList<>(events.size());
        for (CloudEventRecord event : events) {
            try {
                parsed.add(new Parsed(event, payloads.feed(event)));
            } catch (PoisonEventException e) {
                rejections.reject(event, e);
            }
        }
        Map<String, EmployeeCopy> authors = employees.findAll(authorsOf(parsed));
        Bulk<CloudEventRecord> bulk = new Bulk<>();
        for (Parsed p : parsed) {
            try {
                feedEvent(p.event(), p.payload(), authors, bulk, true);
            } catch (PoisonEventException e) {
                rejections.reject(p.event(), e);
            }
        }
        write(bulk, rejections, "post");
    }

    /**
     * A rebuild: the same documents from the same events, written into the new indices, without touching the
     * read-copies (the live consumers keep them; their current state decides who was erased and authors' names).
     * Poison events are skipped: the live consumers dead-lettered them already.
     *
     * @return how many document writes were sent
     */
    public int replay(List<CloudEventRecord> events, Map<SearchIndex, String> into) {
        List<Parsed> parsed = new ArrayList<>(events.size());
        for (CloudEventRecord event : events) {
            try {
                parsed.add(new Parsed(event, payloads.of(event)));
            } catch (PoisonEventException e) {
                metrics.counter("intranet.search.replay.skipped").increment();
            }
        }
        Set<String> people = authorsOf(parsed);
        parsed.forEach(p -> {
            if (p.payload() instanceof EmployeeSnapshot s) {
                people.add(s.id());
            }
        });
        Map<String, EmployeeCopy> copies = employees.findAll(people);
        Bulk<CloudEventRecord> bulk = new Bulk<>();
        for (Parsed p : parsed) {
            switch (p.payload()) {
                case EmployeeSnapshot s -> {
                    if (!erased(copies, s.id())) {
                        bulk.put(SearchIndex.PEOPLE, s.id(), docs.person(copy(s), s.updatedAt()), s.version(),
                                p.event());
                    }
                }
                case EmployeeErased e -> bulk.then(new Bulk.Erase(e.id()));
                case null -> {
                    // a type search does not use
                }
                default -> feedEvent(p.event(), p.payload(), copies, bulk, false);
            }
        }
        documents.write(bulk, into).forEach(refused -> metrics.counter("intranet.search.replay.skipped").increment());
        return bulk.ops().size();
    }

    private static EmployeeCopy copy(EmployeeSnapshot s) {
        return new EmployeeCopy(s.id(), s.username(), s.displayName(), s.email(), s.title(), s.department(),
                s.location(), s.skills() == null ? List.of() : List.copyOf(s.skills()),
                s.status() == null ? EmployeeCopy.ACTIVE : s.status().toUpperCase(Locale.ROOT), s.version());
    }

    private record Parsed(CloudEventRecord event, Object payload) {
    }

    /** {@code intranet.profile}: the employees read-copy and the people index; erasures take their documents. */
    @Transactional
    public void profile(List<CloudEventRecord> events, Rejections rejections) {
        Bulk<CloudEventRecord> bulk = new Bulk<>();
        for (CloudEventRecord event : events) {
            try {
                profileEvent(event, bulk);
            } catch (PoisonEventException e) {
                rejections.reject(event, e);
            }
        }
        write(bulk, rejections, "person");
    }

    /** @param live false in a rebuild: the read-copies are left to the live consumers */
    private void feedEvent(CloudEventRecord event, Object payload, Map<String, EmployeeCopy> authors,
            Bulk<CloudEventRecord> bulk, boolean live) {
        long seq = event.sequence();
        switch (event.type()) {
            case EventTypes.POST_PUBLISHED -> {
                PostPublished p = (PostPublished) payload;
                if (!erased(authors, p.authorId())) {
                    bulk.put(SearchIndex.POSTS, p.postId(), docs.post(p, authors.get(p.authorId()), seq), seq, event);
                }
            }
            case EventTypes.POST_EDITED -> {
                PostChanged p = (PostChanged) payload;
                bulk.merge(SearchIndex.POSTS, p.postId(), docs.edit(p), seq, event);
            }
            case EventTypes.ANNOUNCEMENT_PUBLISHED -> {
                AnnouncementPublished a = (AnnouncementPublished) payload;
                bulk.merge(SearchIndex.POSTS, a.postId(), docs.announcement(a), seq, event);
            }
            case EventTypes.POST_DELETED -> {
                PostDeleted p = (PostDeleted) payload;
                bulk.put(SearchIndex.POSTS, p.postId(), docs.tombstone(p.postId(), seq), seq, event);
            }
            case EventTypes.COMMENT_ADDED, EventTypes.COMMENT_EDITED -> {
                CommentChanged c = (CommentChanged) payload;
                if (!erased(authors, c.authorId())) {
                    bulk.comment(c.postId(), docs.comment(c, authors.get(c.authorId()), seq), seq, event);
                }
            }
            case EventTypes.COMMENT_DELETED -> {
                CommentChanged c = (CommentChanged) payload;
                bulk.comment(c.postId(), docs.deletedComment(c, seq), seq, event);
            }
            case EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED -> {
                GroupChanged g = (GroupChanged) payload;
                bulk.put(SearchIndex.GROUPS, g.groupId(), docs.group(g), g.version(), event);
            }
            case EventTypes.MEMBER_ADDED, EventTypes.MEMBER_REMOVED -> {
                if (live) {
                    members.applyOnce(FEED_CONSUMER, event.id(), (MembershipChanged) payload,
                            EventTypes.MEMBER_ADDED.equals(event.type()));
                }
            }
            default -> {
                // not searched
            }
        }
    }

    private void profileEvent(CloudEventRecord event, Bulk<CloudEventRecord> bulk) {
        switch (payloads.profile(event)) {
            case EmployeeSnapshot s -> {
                Optional<EmployeeCopies.Applied> once = employees.applyOnce(PROFILE_CONSUMER, event.id(), s);
                if (once.isEmpty() || !once.get().applied()) {
                    return;     // redelivered, or older than the copy
                }
                EmployeeCopy copy = once.get().current();
                bulk.put(SearchIndex.PEOPLE, copy.id(), docs.person(copy, s.updatedAt()), copy.version(), event);
                Bulk.Author now = new Bulk.Author(copy.name(), copy.department(), copy.location());
                Bulk.Author was = once.get().previous()
                        .map(p -> new Bulk.Author(p.name(), p.department(), p.location())).orElse(null);
                if (!now.equals(was)) {
                    bulk.author(copy.id(), now);   // first arrival (posts may be waiting for it) or a change
                }
            }
            case EmployeeErased erased -> {
                if (employees.eraseOnce(PROFILE_CONSUMER, event.id(), erased.id())) {
                    members.forget(erased.id());
                    bulk.then(new Bulk.Erase(erased.id()));
                }
            }
            case null, default -> {
                // deactivation comes with an updated snapshot (status LEFT); the rest is not searched
            }
        }
    }

    private void write(Bulk<CloudEventRecord> bulk, Rejections rejections, String kind) {
        if (bulk.isEmpty()) {
            return;
        }
        documents.write(bulk, Map.of()).forEach(refused -> rejections.reject(refused.source(),
                new PoisonEventException("the index refused event " + refused.source().id() + ": "
                        + refused.reason())));
        metrics.counter("intranet.search.indexed", "type", kind).increment(bulk.ops().size());
    }

    /** Someone erased: a late or replayed post or comment of theirs indexes nothing. */
    private static boolean erased(Map<String, EmployeeCopy> authors, String authorId) {
        EmployeeCopy author = authors.get(authorId);
        return author != null && author.erased();
    }

    /** Authors of the batch's new posts and comments, for one read of the copy. */
    private static Set<String> authorsOf(List<Parsed> parsed) {
        Set<String> ids = new HashSet<>();
        for (Parsed p : parsed) {
            switch (p.payload()) {
                case PostPublished post -> ids.add(post.authorId());
                case CommentChanged comment -> ids.add(comment.authorId());
                case null, default -> {
                    // no author to look up
                }
            }
        }
        return ids;
    }

}
