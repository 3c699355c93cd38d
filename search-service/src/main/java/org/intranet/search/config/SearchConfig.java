package org.intranet.search.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.search")
public interface SearchConfig {

    /** Primary shards of each new versioned index (1 locally; size for the corpus in production). */
    @WithDefault("1")
    int indexShards();

    /** Replicas of each new versioned index: 0 on a single node, 1+ on a cluster. */
    @WithDefault("0")
    int indexReplicas();

    /** How often the startup retries creating the indices while OpenSearch does not answer. */
    @WithDefault("10s")
    Duration bootstrapRetry();

    /** Longest plain-text snippet of a post hit, in characters. */
    @WithDefault("200")
    int snippetLength();

    /** How many people {@code /api/search/suggest} answers at most (with topics and groups: 10 in all). */
    @WithDefault("5")
    int suggestPeople();

    /** How many topics {@code /api/search/suggest} answers at most. */
    @WithDefault("3")
    int suggestTopics();

    /** How many groups {@code /api/search/suggest} answers at most. */
    @WithDefault("2")
    int suggestGroups();

    /** Buckets per facet. */
    @WithDefault("10")
    int facetSize();

    /** How often a running reindex logs and records its progress (its heartbeat: 4 missed ones fail it). */
    @WithDefault("2s")
    Duration reindexHeartbeat();

    /** Records per poll, and so per {@code _bulk}, while a reindex replays the topics. */
    @WithDefault("2000")
    int reindexBatch();

    /**
     * How soon a written document becomes searchable (the indices' {@code refresh_interval}). A refresh with
     * nothing new costs nothing; one with new documents costs the engine about 90 ms on a million posts. Measured
     * at 200 posts/s (bench/results/search.md): post → searchable p99 0.8 s at 250 ms, 0.9 to 2.4 s at 500 ms,
     * 1.3 to 3.3 s at 1 s.
     */
    @WithDefault("250ms")
    Duration refreshInterval();

    /**
     * How long a hit's author name is reused before the read-copy is asked again
     * ({@link org.intranet.search.domain.AuthorNames}).
     */
    @WithDefault("30s")
    Duration namesTtl();

    /** Most author names kept in memory. */
    @WithDefault("50000")
    long namesMax();

    /** PEM file of the CA that signed OpenSearch's HTTP certificate (production); absent: JVM trust store. */
    Optional<String> caFile();
}
