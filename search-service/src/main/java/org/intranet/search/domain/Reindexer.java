package org.intranet.search.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.search.config.SearchConfig;
import org.intranet.search.store.SearchIndex;
import org.intranet.search.store.SearchIndices;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rebuilds each alias into a new versioned index with the current definition (mapping, analyzers, shards):
 * {@code people_vN} → {@code people_vN+1}. Steps per alias: create the new index; copy with {@code _reindex} as a
 * server-side task, logging progress; swap the alias atomically; copy again what was written to the old index
 * while the first pass ran (by {@code indexedAt}); delete the old index. Searches and consumers use the alias
 * throughout and never stop.
 *
 * <p>The source is the live index, not the topics: a mapping or analyzer change takes effect, but a document that
 * is missing from the index stays missing. Rebuilding from the topics means resetting the consumer group and the
 * {@code search.*} rows of {@code processed_events} (README, "Rebuilding from the events").
 */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class);

    private final SearchIndices indices;
    private final SearchConfig config;
    private final ObjectMapper json;
    private final AtomicBoolean running = new AtomicBoolean();

    Reindexer(SearchIndices indices, SearchConfig config, ObjectMapper json) {
        this.indices = indices;
        this.config = config;
        this.json = json;
    }

    public ReindexReport reindexAll() {
        if (!running.compareAndSet(false, true)) {
            throw new ReindexConflictException("a reindex is already running on this instance");
        }
        try {
            if (indices.runningReindexTasks() > 0) {
                throw new ReindexConflictException("a reindex task is already running in the cluster");
            }
            Instant started = Instant.now();
            List<ReindexReport.IndexReport> reports = new ArrayList<>();
            for (SearchIndex index : SearchIndex.values()) {
                reports.add(reindex(index));
            }
            return new ReindexReport(started, Duration.between(started, Instant.now()).toMillis(), reports);
        } finally {
            running.set(false);
        }
    }

    private ReindexReport.IndexReport reindex(SearchIndex index) {
        long t0 = System.nanoTime();
        String from = indices.requireCurrent(index);
        String to = index.versioned(index.versionOf(from) + 1);
        if (indices.exists(to)) {
            // left over by a run that failed before its swap: the alias never pointed at it
            LOG.warnf("deleting %s, left over by an unfinished reindex", to);
            indices.delete(to);
        }
        indices.create(index, to);
        Instant copyStarted = Instant.now();
        indices.refresh(from);
        JsonNode first;
        try {
            first = await(index, indices.startReindex(from, to, null, true, false), t0);
        } catch (RuntimeException e) {
            indices.delete(to);
            throw e;
        }
        long failures = first.path("failures").size();
        if (failures > 0) {
            indices.delete(to);
            throw new SearchUnavailableException("reindex of " + from + " into " + to + " had " + failures
                    + " failures, first: " + first.path("failures").path(0) + "; " + from + " stays live");
        }
        indices.swapAlias(index, from, to);
        LOG.infof("alias %s now points at %s", index.alias(), to);

        // writes that reached the old index during the copy, under their external versions: an older copy never
        // overwrites a newer document (deletions are tombstones, so they carry over too)
        indices.refresh(from);
        JsonNode since = json.valueToTree(Map.of("range", Map.of("indexedAt",
                Map.of("gte", copyStarted.minus(config.reindexCatchUpMargin()).toString()))));
        JsonNode catchUp = await(index, indices.startReindex(from, to, since, true, false), t0);
        indices.delete(from);
        indices.refresh(to);

        long copied = first.path("created").asLong() + first.path("updated").asLong();
        long caughtUp = catchUp.path("created").asLong() + catchUp.path("updated").asLong();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        ReindexReport.IndexReport report = new ReindexReport.IndexReport(index.alias(), from, to,
                first.path("total").asLong(), copied, caughtUp, failures, indices.count(to), tookMs,
                rate(copied + caughtUp, tookMs));
        LOG.infof("reindexed %s: %s -> %s, %d documents (+%d caught up) in %d ms, %.0f docs/s; %s deleted",
                index.alias(), from, to, copied, caughtUp, tookMs, report.docsPerSecond(), from);
        return report;
    }

    /** Polls the task until it completes, logging progress; cancels it past the configured timeout. */
    private JsonNode await(SearchIndex index, String taskId, long t0) {
        Instant deadline = Instant.now().plus(config.reindexTimeout());
        while (true) {
            JsonNode task = indices.task(taskId);
            JsonNode status = task.path("task").path("status");
            if (task.path("completed").asBoolean()) {
                if (task.has("error")) {
                    throw new SearchUnavailableException("reindex task " + taskId + " failed: "
                            + task.path("error").path("type").asText() + " " + task.path("error").path("reason").asText());
                }
                return task.path("response");
            }
            long done = status.path("created").asLong() + status.path("updated").asLong();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.infof("reindexing %s: %d of %d documents, %.0f docs/s", index.alias(), done,
                    status.path("total").asLong(), rate(done, ms));
            if (Instant.now().isAfter(deadline)) {
                indices.cancel(taskId);
                throw new SearchUnavailableException("reindex of " + index.alias() + " exceeded "
                        + config.reindexTimeout() + " and was cancelled");
            }
            try {
                Thread.sleep(config.reindexPollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                indices.cancel(taskId);
                throw new SearchUnavailableException("reindex of " + index.alias() + " interrupted");
            }
        }
    }

    private static double rate(long documents, long ms) {
        return ms <= 0 ? documents : Math.round(documents * 1000.0 / ms * 10) / 10.0;
    }
}
