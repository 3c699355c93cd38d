package org.intranet.kit.outbox;

/** Fired inside a transaction that wrote to the outbox; the relay observes it once the transaction commits. */
public enum OutboxWritten {
    INSTANCE
}
