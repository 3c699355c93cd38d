package org.intranet.kit.domain;

/** The request is valid but the current state forbids it (the last owner leaving a group); a 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
