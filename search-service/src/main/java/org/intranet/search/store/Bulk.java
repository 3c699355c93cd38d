package org.intranet.search.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The document writes of one batch of events, sent as one {@code _bulk}, then the few writes a bulk cannot express
 * (deleting by query), which run after it. Every write is order-safe on its own, so a batch can be sent again whole:
 * <ul>
 * <li>{@link #put}: the whole document under an external version ({@code external_gte}): an older version is refused
 * by the engine, the same one rewrites the same content;</li>
 * <li>{@link #merge}: some fields of an existing document, by a script that leaves the document alone when it
 * already holds this event's sequence or a later one (an edit carries only what it changes);</li>
 * <li>{@link #comment}: one comment of a post's {@code comments}, added, replaced or turned into a tombstone, by a
 * script that compares the comment's own sequence. Comments live in their post's document: a post is found by
 * its comments' words, a hit on a comment is the post, and the comment is seen by exactly who sees the post.</li>
 * </ul>
 *
 * @param <T> what each write came from (the event), so a refused write can be traced back to it
 */
public final class Bulk<T> {
    /** One write. {@code fields} is the document ({@link Kind#PUT}) or the fields to replace ({@link Kind#MERGE}). */
    public record Op<T>(Kind kind, SearchIndex index, String id, ObjectNode fields, long version, T source) {
    }

    public enum Kind { PUT, MERGE, COMMENT }

    /** A write to run after the bulk, once what the bulk wrote is searchable. */
    public sealed interface After permits Erase, Authors {
    }

    /** An erased person: their profile, every post they wrote, and their comments on others' posts. */
    public record Erase(String employeeId) implements After {
    }

    /**
     * What posts carry of their authors (name, department, location), put right on every post of these people: their
     * profile arrived after their posts, or changed.
     */
    public record Authors(Map<String, Author> byId) implements After {
    }

    public record Author(String name, String department, String location) {
    }

    private final List<Op<T>> ops = new ArrayList<>();
    private final List<After> after = new ArrayList<>();

    public void put(SearchIndex index, String id, ObjectNode document, long version, T source) {
        ops.add(new Op<>(Kind.PUT, index, id, document, version, source));
    }

    public void merge(SearchIndex index, String id, ObjectNode fields, long sequence, T source) {
        ops.add(new Op<>(Kind.MERGE, index, id, fields, sequence, source));
    }

    /** @param entry the comment as {@code comments} holds it; for a deleted one, a tombstone entry */
    public void comment(String postId, ObjectNode entry, long sequence, T source) {
        ops.add(new Op<>(Kind.COMMENT, SearchIndex.POSTS, postId, entry, sequence, source));
    }

    public void then(After write) {
        after.add(write);
    }

    /** Adds to this batch's one {@link Authors} write. */
    public void author(String employeeId, Author author) {
        Authors authors = (Authors) after.stream().filter(Authors.class::isInstance).findFirst().orElseGet(() -> {
            Authors created = new Authors(new LinkedHashMap<>());
            after.add(created);
            return created;
        });
        authors.byId().put(employeeId, author);
    }

    public List<Op<T>> ops() {
        return ops;
    }

    public List<After> after() {
        return after;
    }

    public boolean isEmpty() {
        return ops.isEmpty() && after.isEmpty();
    }
}
