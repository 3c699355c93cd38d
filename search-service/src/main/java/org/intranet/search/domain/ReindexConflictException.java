package org.intranet.search.domain;

/** A reindex is already running (here or on another replica). */
public class ReindexConflictException extends RuntimeException {
    public ReindexConflictException(String message) {
        super(message);
    }
}
