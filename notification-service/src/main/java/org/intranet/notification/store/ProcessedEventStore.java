package org.intranet.notification.store;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;

/** This service's {@code processed_events} (the kit's de-dup table), for retention. */
@ApplicationScoped
public class ProcessedEventStore {
    private final Sql sql;

    ProcessedEventStore(Sql sql) {
        this.sql = sql;
    }

    /** Deletes up to {@code batch} rows processed before {@code cutoff}. @return how many */
    public int deleteBefore(Instant cutoff, int batch) {
        return sql.update("""
                DELETE FROM processed_events WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM processed_events WHERE processed_at < ? LIMIT ?
                    FOR UPDATE SKIP LOCKED)""", cutoff, batch);
    }
}
