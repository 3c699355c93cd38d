package org.intranet.kit.domain;

/** A domain rule (ownership, membership, targeting, role) forbids what the caller asked for. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
