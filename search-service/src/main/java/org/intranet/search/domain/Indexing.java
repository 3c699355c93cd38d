package org.intranet.search.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.search.store.EmployeeCopies;
import org.intranet.search.store.SearchDocuments;
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
    private final MeterRegistry metrics;

    Indexing(ProcessedEvents processed, EmployeeCopies employees, SearchDocuments documents, MeterRegistry metrics) {
        this.processed = processed;
        this.employees = employees;
        this.documents = documents;
        this.metrics = metrics;
    }

    @Transactional
    public void employeeChanged(String eventId, EmployeeSnapshot employee) {
        if (employee == null || blank(employee.id())) {
            throw new PoisonEventException("employee event " + eventId + " has no employee id");
        }
        if (!processed.markOnce(PROFILE_CONSUMER, eventId)) {
            return;
        }
        var stored = employees.lock(employee.id());
        if (stored.isPresent() && stored.get().version() > employee.version()) {
            LOG.debugf("employee %s snapshot v%d is older than the copy (v%d): ignored", employee.id(),
                    employee.version(), stored.get().version());
            return;
        }
        employees.upsert(employee);
        documents.indexPerson(new PersonDocument(employee.id(), employee.username(), employee.displayName(),
                employee.title(), employee.department(), employee.location(),
                employee.skills() == null ? List.of() : employee.skills(),
                employee.status() == null ? "ACTIVE" : employee.status().toUpperCase(Locale.ROOT),
                employee.updatedAt()), employee.version());
        if (employee.displayName() != null
                && !Objects.equals(stored.map(EmployeeCopies.Copy::displayName).orElse(null), employee.displayName())) {
            documents.renameAuthor(employee.id(), employee.displayName());
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
        String authorName = employees.find(post.authorId()).map(EmployeeCopies.Copy::displayName).orElse(null);
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
