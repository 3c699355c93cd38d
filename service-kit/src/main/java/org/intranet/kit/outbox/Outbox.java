package org.intranet.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.kit.store.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the same transaction as the state change it describes; {@link OutboxRelay} sends it after
 * commit. A crash can therefore never lose an event nor publish one for a change that rolled back.
 * <p>
 * The row is written with plain JDBC on the transaction's connection, not through the entity manager: a native
 * query there flushes the whole session first, dirty-checking every entity loaded so far, on every event.
 */
@ApplicationScoped
public class Outbox {
    private final Sql sql;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    Outbox(Sql sql, ObjectMapper json, Event<OutboxWritten> written) {
        this.sql = sql;
        this.json = json;
        this.written = written;
    }

    /** @return the event id (the CloudEvent {@code id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String aggregateType, String aggregateId, String eventType, Object payload) {
        UUID id = UUID.randomUUID();
        sql.update("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, timestamp, payload)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""",
                id, aggregateType, aggregateId, eventType, Instant.now(), toJson(payload));
        written.fire(OutboxWritten.INSTANCE);
        return id;
    }

    /** The {@code type} of an outbox row that the relay sends as a tombstone, not as a CloudEvent. */
    public static final String TOMBSTONE = "tombstone";

    /**
     * A tombstone for the aggregate's key, in the caller's transaction: a record without a value, which tells a
     * compacted topic to drop every earlier record of that key (the data an erasure removed). Consumers skip it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstone(String aggregateType, String aggregateId) {
        sql.update("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, timestamp, payload)
                VALUES (?, ?, ?, ?, ?, 'null'::jsonb)""",
                UUID.randomUUID(), aggregateType, aggregateId, TOMBSTONE, Instant.now());
        written.fire(OutboxWritten.INSTANCE);
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serializable: " + payload.getClass(), e);
        }
    }
}
