package org.intranet.search.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A rebuild of the indices from the topics, as any replica reports it.
 *
 * @param events       records replayed so far, of {@code totalEvents} in the topics when the job started (the
 *                     catch-up after the alias swap adds what arrived meanwhile)
 * @param documents    document writes sent to the new indices
 * @param docsPerSecond documents per second since the start
 * @param indices      alias → {@code {from, to}} concrete indices
 */
public record ReindexJob(String id, String state, String requestedBy, Instant startedAt, Instant finishedAt,
        long events, long totalEvents, long documents, double docsPerSecond, Map<String, Map<String, String>> indices,
        String error) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
