package org.intranet.search.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.PostChanged;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.kit.text.PlainText;
import org.intranet.search.store.SearchDocuments;
import org.intranet.search.store.SearchDocuments.EditedPost;
import org.intranet.search.store.SearchDocuments.PersonDocument;
import org.intranet.search.store.SearchDocuments.PostDocument;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies events to the read-copies and the indices, each once: the de-dup row, the read-copy and the index write
 * happen in one transaction, and the index write goes last, so a failed write rolls the de-dup row back and the
 * redelivery tries again. A write that succeeded before a failed commit is repeated under the same document id:
 * harmless.
 */
@ApplicationScoped
public class Indexing {
    public static final String PROFILE_CONSUMER = "search.profile";
    public static final String FEED_CONSUMER = "search.feed";
    private static final Logger LOG = Logger.getLogger(Indexing.class);

    private final ProcessedEvents processed;
    private final EmployeeCopies employees;
    private final SearchDocuments documents;
    private final GroupMemberCopies members;
    private final MeterRegistry metrics;

    Indexing(ProcessedEvents processed, EmployeeCopies employees, SearchDocuments documents,
            GroupMemberCopies members, MeterRegistry metrics) {
        this.processed = processed;
        this.employees = employees;
        this.members = members;
        this.documents = documents;
        this.metrics = metrics;
    }

    /** The copy and the people index change together, once, and only for a snapshot newer than the copy. */
    @Transactional
    public void employeeChanged(String eventId, EmployeeSnapshot employee) {
        Optional<EmployeeCopies.Applied> once = employees.applyOnce(PROFILE_CONSUMER, eventId, employee);
        if (once.isEmpty() || !once.get().applied()) {
            return;
        }
        EmployeeCopy copy = once.get().current();
        documents.indexPerson(new PersonDocument(copy.id(), copy.username(), copy.displayName(), copy.title(),
                copy.department(), copy.location(), copy.skills(), copy.status(), employee.updatedAt()),
                copy.version());
        String before = once.get().previous().map(EmployeeCopy::displayName).orElse(null);
        if (copy.displayName() != null && !Objects.equals(before, copy.displayName())) {
            documents.renameAuthor(copy.id(), copy.displayName());
        }
        metrics.counter("intranet.search.indexed", "type", "person").increment();
    }

    /**
     * GDPR erasure: the copy becomes a tombstone and the person's documents go (their profile and their posts), once;
     * a failure of the engine rolls the copy back, and the consumer retries.
     */
    @Transactional
    public void employeeErased(String eventId, String employeeId) {
        if (employees.eraseOnce(PROFILE_CONSUMER, eventId, employeeId)) {
            members.forget(employeeId);
            long posts = documents.erase(employeeId);
            LOG.infof("erased employee %s from the indices: the person and %d posts", employeeId, posts);
        }
    }

    @Transactional
    public void postPublished(String eventId, PostPublished post) {
        requirePost(eventId, post == null ? null : post.postId(), post == null ? null : post.authorId());
        if (!processed.markOnce(FEED_CONSUMER, eventId)) {
            return;
        }
        Optional<EmployeeCopy> author = employees.find(post.authorId());
        if (author.map(EmployeeCopy::erased).orElse(false)) {
            // a late or replayed post of someone erased since: nothing of theirs is indexed again
            return;
        }
        String authorName = author.map(EmployeeCopy::name).orElse(null);
        documents.indexPost(new PostDocument(post.postId(), post.authorId(), authorName, post.kind(), post.body(),
                PlainText.of(post.body()), post.groupId(), audience(post.audience()), orEmpty(post.mentions()),
                hashtags(post.hashtags()), post.createdAt()));
        metrics.counter("intranet.search.indexed", "type", "post").increment();
    }

    /**
     * The edited text, audience and tags replace the indexed ones. A post's events arrive in order (keyed by post id),
     * so the document ends up with the last edit; a post missing from the index stays missing.
     */
    @Transactional
    public void postEdited(String eventId, PostChanged post) {
        requirePost(eventId, post == null ? null : post.postId(), post == null ? null : post.authorId());
        if (!processed.markOnce(FEED_CONSUMER, eventId)) {
            return;
        }
        if (!documents.updatePost(new EditedPost(post.postId(), post.kind(), post.body(), PlainText.of(post.body()),
                post.groupId(), audience(post.audience()), orEmpty(post.mentions()), hashtags(post.hashtags())))) {
            LOG.debugf("edited post %s is not in the index: nothing to update", post.postId());
        }
    }

    /** A deleted post leaves the index, so nobody finds it any more. */
    @Transactional
    public void postDeleted(String eventId, PostDeleted post) {
        requirePost(eventId, post == null ? null : post.postId(), post == null ? null : post.authorId());
        if (!processed.markOnce(FEED_CONSUMER, eventId)) {
            return;
        }
        documents.deletePost(post.postId());
    }

    private static void requirePost(String eventId, String postId, String authorId) {
        if (blank(postId) || blank(authorId)) {
            throw new PoisonEventException("post event " + eventId + " has no post or author id");
        }
    }

    /** No audience means nobody but the author: never widen visibility on missing data. */
    private static List<String> audience(List<String> audience) {
        return orEmpty(audience);
    }

    private static List<String> hashtags(List<String> hashtags) {
        return orEmpty(hashtags).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
