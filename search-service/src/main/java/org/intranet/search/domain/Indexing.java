package org.intranet.search.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.text.PlainText;
import org.intranet.search.store.SearchDocuments;
import org.intranet.search.store.SearchDocuments.PersonDocument;
import org.intranet.search.store.SearchDocuments.PostDocument;

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

    private final ProcessedEvents processed;
    private final EmployeeCopies employees;
    private final SearchDocuments documents;
    private final MeterRegistry metrics;

    Indexing(ProcessedEvents processed, EmployeeCopies employees, SearchDocuments documents, MeterRegistry metrics) {
        this.processed = processed;
        this.employees = employees;
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

    @Transactional
    public void postPublished(String eventId, PostPublished post) {
        if (post == null || blank(post.postId()) || blank(post.authorId())) {
            throw new PoisonEventException("post event " + eventId + " has no post or author id");
        }
        if (!processed.markOnce(FEED_CONSUMER, eventId)) {
            return;
        }
        String authorName = employees.find(post.authorId()).map(EmployeeCopy::name).orElse(null);
        documents.indexPost(new PostDocument(post.postId(), post.authorId(), authorName, post.kind(), post.body(),
                PlainText.of(post.body()), post.groupId(),
                // no audience means nobody but the author: never widen visibility on missing data
                post.audience() == null ? List.of() : post.audience(),
                post.mentions() == null ? List.of() : post.mentions(),
                post.hashtags() == null ? List.of()
                        : post.hashtags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                post.createdAt()));
        metrics.counter("intranet.search.indexed", "type", "post").increment();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
