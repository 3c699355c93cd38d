package org.intranet.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Insert-first de-duplication: call inside the transaction that applies the event's effect. */
@ApplicationScoped
public class ProcessedEvents {
    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time this consumer sees the event; false for a redelivery (do nothing then) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markOnce(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO processed_events (consumer, event_id) VALUES (:consumer, :eventId)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }
}
