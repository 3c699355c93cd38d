package org.intranet.search.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.intranet.contracts.Topics;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.search.config.SearchConfig;
import org.intranet.search.store.EventLog;
import org.intranet.search.store.ReindexJobs;
import org.intranet.search.store.SearchIndex;
import org.intranet.search.store.SearchIndices;
import org.jboss.logging.Logger;

/**
 * Rebuilds every index from the source of truth, the topics: new versioned indices ({@code posts_vN+1}) are
 * filled by replaying {@code intranet.profile} and {@code intranet.feed} from their beginning through the same
 * {@link Indexing} rules as live events; then the aliases move to them in one step, the events that arrived during
 * the replay are replayed too, and the old indices go. Searches and live indexing use the aliases throughout and
 * never stop; a live write and a replayed one of the same document agree through the event sequence, whichever
 * comes second. A lost or wrong document comes back right, which copying the live index could not do.
 *
 * <p>One job runs at a time across replicas ({@code reindex_jobs}); the replica that accepted it runs it on a thread
 * of its own and records progress as it goes, so any replica reports it.
 */
@ApplicationScoped
public class Reindexing {
    private static final Logger LOG = Logger.getLogger(Reindexing.class);
    private static final List<String> TOPICS = List.of(Topics.PROFILE, Topics.FEED);

    private final ReindexJobs jobs;
    private final SearchIndices indices;
    private final EventLog log;
    private final Indexing indexing;
    private final SearchConfig config;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });

    Reindexing(ReindexJobs jobs, SearchIndices indices, EventLog log, Indexing indexing, SearchConfig config) {
        this.jobs = jobs;
        this.indices = indices;
        this.log = log;
        this.indexing = indexing;
        this.config = config;
    }

    /** Accepts a rebuild and starts it; a running one (here or on another replica) is a conflict. */
    public ReindexJob start(Caller caller) {
        int stale = jobs.failStale(config.reindexHeartbeat().multipliedBy(4));
        if (stale > 0) {
            LOG.warnf("failed %d reindex job(s) whose replica stopped beating", stale);
        }
        ReindexJob job = jobs.start(caller.id()).orElseThrow(() -> new ReindexConflictException(
                "a reindex is already running: follow it at GET /api/admin/search/reindex/{job}"));
        runner.submit(() -> run(job.id()));
        return job;
    }

    public ReindexJob job(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no reindex job " + id);
        }
        return jobs.find(id).orElseThrow(() -> new NotFoundException("no reindex job " + id));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run(String id) {
        Map<SearchIndex, String[]> moves = new EnumMap<>(SearchIndex.class);
        boolean swapped = false;
        try {
            for (SearchIndex index : SearchIndex.values()) {
                String from = indices.requireCurrent(index);
                String to = index.versioned(index.versionOf(from) + 1);
                if (indices.exists(to)) {
                    LOG.warnf("deleting %s, left over by an unfinished reindex", to);
                    indices.delete(to);
                }
                indices.create(index, to);
                indices.loading(to);
                moves.put(index, new String[] {from, to});
            }
            jobs.indices(id, describe(moves));
            Map<SearchIndex, String> into = new EnumMap<>(SearchIndex.class);
            moves.forEach((index, fromTo) -> into.put(index, fromTo[1]));

            Map<TopicPartition, Long> end = log.endOffsets(TOPICS);
            Map<TopicPartition, Long> start = log.beginningOffsets(TOPICS);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L))
                    .sum();
            Progress progress = new Progress(id, total);
            LOG.infof("reindex %s: replaying %d events of %s into %s", id, total, TOPICS, into.values());
            log.read(Map.of(), end, config.reindexBatch(), batch -> progress.add(batch.size(), replay(batch, into)));

            for (String[] fromTo : moves.values()) {
                indices.live(fromTo[1]);
                indices.refresh(fromTo[1]);
            }
            indices.swapAliases(moves);
            swapped = true;
            LOG.infof("reindex %s: aliases moved to %s after %d events", id, into.values(), progress.events.get());

            // what the live consumers wrote to the old indices while the replay ran: replayed into the new ones
            Map<TopicPartition, Long> caughtUp = log.endOffsets(TOPICS);
            progress.total.addAndGet(caughtUp.entrySet().stream()
                    .mapToLong(e -> e.getValue() - end.getOrDefault(e.getKey(), 0L)).sum());
            log.read(end, caughtUp, config.reindexBatch(), batch -> progress.add(batch.size(), replay(batch, into)));
            for (String[] fromTo : moves.values()) {
                indices.delete(fromTo[0]);
            }
            progress.save();
            jobs.finish(id, ReindexJob.DONE, null);
            LOG.infof("reindex %s done: %d events, %d documents, %.0f docs/s", id, progress.events.get(),
                    progress.documents.get(), progress.rate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "reindex %s failed", id);
            if (!swapped) {
                // the aliases never moved: the old indices are still the live ones
                moves.values().forEach(fromTo -> indices.delete(fromTo[1]));
            }
            jobs.finish(id, ReindexJob.FAILED, (swapped ? "failed after the aliases moved to the new indices, "
                    + "which are live; the old ones were kept: " : "failed; the old indices stay live: ")
                    + e.getMessage());
        }
    }

    /** A batch, tried again a few times when the engine pushes back (429) or blips; then the job fails. */
    private int replay(List<ConsumerRecord<String, String>> batch, Map<SearchIndex, String> into) {
        List<CloudEventRecord> events = events(batch);
        for (int attempt = 1;; attempt++) {
            try {
                return indexing.replay(events, into);
            } catch (SearchUnavailableException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.warnf("reindex: a batch failed (%s), attempt %d, trying again", e.getMessage(), attempt);
                try {
                    Thread.sleep(500L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static List<CloudEventRecord> events(List<ConsumerRecord<String, String>> records) {
        List<CloudEventRecord> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;   // a compacted topic's tombstone
            }
            try {
                events.add(CloudEventRecord.of(record));
            } catch (PoisonEventException e) {
                // dead-lettered by the live consumer when it met it
            }
        }
        return events;
    }

    private static Map<String, Map<String, String>> describe(Map<SearchIndex, String[]> moves) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        moves.forEach((index, fromTo) -> out.put(index.alias(), Map.of("from", fromTo[0], "to", fromTo[1])));
        return out;
    }

    /** Counts, a log line and a heartbeat every {@code reindex-heartbeat}. */
    private final class Progress {
        private final String id;
        private final AtomicLong total;
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong documents = new AtomicLong();
        private final long started = System.nanoTime();
        private long lastSaved = System.nanoTime();

        Progress(String id, long total) {
            this.id = id;
            this.total = new AtomicLong(total);
        }

        void add(int replayed, int written) {
            events.addAndGet(replayed);
            documents.addAndGet(written);
            if (System.nanoTime() - lastSaved >= config.reindexHeartbeat().toNanos()) {
                save();
                LOG.infof("reindex %s: %d of %d events, %d documents, %.0f docs/s", id, events.get(), total.get(),
                        documents.get(), rate());
            }
        }

        void save() {
            lastSaved = System.nanoTime();
            jobs.progress(id, events.get(), total.get(), documents.get());
        }

        double rate() {
            double seconds = (System.nanoTime() - started) / 1e9;
            return seconds <= 0 ? 0 : documents.get() / seconds;
        }
    }
}
