package org.intranet.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the same transaction as the state change it describes; {@link OutboxRelay} sends it after
 * commit. A crash can therefore never lose an event nor publish one for a change that rolled back.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    Outbox(EntityManager entityManager, ObjectMapper json, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
    }

    /** @return the event id (the CloudEvent {@code id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String aggregateType, String aggregateId, String eventType, Object payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, timestamp, payload)
                VALUES (:id, :aggregateType, :aggregateId, :type, :timestamp, CAST(:payload AS jsonb))""")
                .setParameter("id", id)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId)
                .setParameter("type", eventType)
                .setParameter("timestamp", Instant.now())
                .setParameter("payload", toJson(payload))
                .executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
        return id;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serializable: " + payload.getClass(), e);
        }
    }
}
