package org.intranet.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.store.Sql;

/** Insert-first de-duplication: call inside the transaction that applies the event's effect. */
@ApplicationScoped
public class ProcessedEvents {
    private final Sql sql;

    ProcessedEvents(Sql sql) {
        this.sql = sql;
    }

    /** @return true the first time this consumer sees the event; false for a redelivery (do nothing then) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markOnce(String consumer, String eventId) {
        return sql.update("INSERT INTO processed_events (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }
}
