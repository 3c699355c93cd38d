package org.intranet.kit.events;

/** An event that can never be applied (unparseable, not a CloudEvent, unknown shape): dead-letter it, don't retry. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
