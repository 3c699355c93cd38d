package org.intranet.search.domain;

import java.time.Instant;
import java.util.List;

/** What a reindex did, per alias: where it copied from and to, how many documents, how fast. */
public record ReindexReport(Instant startedAt, long tookMs, List<IndexReport> indices) {

    /**
     * @param copied     documents the main pass wrote (created + updated)
     * @param caughtUp   documents written to the old index during the copy and copied again after the swap
     */
    public record IndexReport(String alias, String from, String to, long total, long copied, long caughtUp,
            long failures, long countAfter, long tookMs, double docsPerSecond) {
    }
}
