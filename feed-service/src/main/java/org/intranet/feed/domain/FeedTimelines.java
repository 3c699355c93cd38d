package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.feed.config.FeedConfig;
import org.intranet.feed.store.TimelineStore;
import org.intranet.kit.visibility.Readers;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.scheduler.Scheduled;

/**
 * The materialised home timelines (ARCHITECTURE.md §4), kept from the event stream: a published post is fanned out
 * to the timelines of its author, its group's members and its author's and tags' followers; following, joining or
 * following a topic brings recent posts in; unfollowing or leaving takes them out unless another reason keeps them;
 * a deleted post leaves every timeline. Only existing timelines are written: one is built on its owner's first read,
 * trimmed to its size, and dropped when idle. Posts of groups too large to fan out are merged at read instead.
 * <p>
 * Each change is one transaction driven by one event, so a restart mid-way redoes the event, and every write is
 * idempotent ({@code ON CONFLICT DO NOTHING}, deletes).
 */
@ApplicationScoped
public class FeedTimelines {
    private static final Logger LOG = Logger.getLogger(FeedTimelines.class);
    private static final String PUBLIC_GROUP_OR_NONE =
            "(p.group_id IS NULL OR EXISTS (SELECT 1 FROM groups g WHERE g.id = p.group_id AND g.visibility = 'PUBLIC'))";
    private final TimelineStore store;
    private final Readers readers;
    private final FeedConfig config;
    private final Clock clock = Clock.systemUTC();
    /** Owners whose timeline this replica saw exist within the hour; eviction needs two weeks of idleness. */
    private final Cache<String, Boolean> known = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(200_000).build();

    FeedTimelines(TimelineStore store, Readers readers, FeedConfig config) {
        this.store = store;
        this.readers = readers;
        this.config = config;
    }

    /**
     * Makes sure the owner's timeline exists before it is read, building it when missing (first read, or evicted).
     * The owner row commits before the build reads posts, so a post committed meanwhile is either seen by the build
     * or fanned out to the now-existing timeline: none falls between.
     */
    public void ensure(String ownerId) {
        if (known.getIfPresent(ownerId) != null) {
            return;
        }
        if (store.touch(ownerId, Instant.now(clock))) {
            long started = System.nanoTime();
            try {
                int entries = store.build(ownerId, readers.ofEmployee(ownerId), config.timeline().backfill());
                LOG.debugf("built the home timeline of %s: %d entries in %d ms", ownerId, entries,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                store.forget(ownerId); // half built: the next read starts again
                throw e;
            }
        }
        known.put(ownerId, Boolean.TRUE);
    }

    /** @return entries written (0 for a deleted post, or a broadcast one: those are merged at read) */
    @Transactional
    public int fanOut(UUID postId) {
        return store.entry(postId).filter(post -> !post.broadcast()).map(store::fanOut).orElse(0);
    }

    @Transactional
    public void removePost(UUID postId) {
        store.remove(postId);
    }

    @Transactional
    public void followedPerson(String followerId, String personId) {
        store.backfill(followerId, readers.ofEmployee(followerId), "p.author_id = ? AND " + PUBLIC_GROUP_OR_NONE,
                List.of(personId), config.timeline().backfill());
    }

    @Transactional
    public void followedTopic(String followerId, String tag) {
        store.backfill(followerId, readers.ofEmployee(followerId),
                "p.id IN (SELECT post_id FROM post_tags WHERE tag = ?) AND " + PUBLIC_GROUP_OR_NONE, List.of(tag),
                config.timeline().backfill());
    }

    @Transactional
    public void joined(String memberId, String groupId) {
        store.backfill(memberId, readers.ofEmployee(memberId), "p.group_id = ?", List.of(groupId),
                config.timeline().backfill());
    }

    @Transactional
    public void unfollowedPerson(String followerId, String personId) {
        store.prune(followerId, "t.author_id = ?", List.of(personId));
    }

    @Transactional
    public void unfollowedTopic(String followerId, String tag) {
        store.prune(followerId, "t.post_id IN (SELECT post_id FROM post_tags WHERE tag = ?)", List.of(tag));
    }

    @Transactional
    public void left(String memberId, String groupId) {
        store.prune(memberId, "t.group_id = ?", List.of(groupId));
    }

    /** Keeps every timeline near its size (Mastodon keeps 800): a batch per tick, least recently trimmed first. */
    @Scheduled(every = "${intranet.feed.timeline.trim-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void trim() {
        store.trim(config.timeline().trimBatch(), config.timeline().size(), Instant.now(clock));
    }

    @Scheduled(every = "${intranet.feed.timeline.evict-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void evictIdle() {
        int evicted = store.evictIdle(Instant.now(clock).minus(config.timeline().idleEviction()));
        if (evicted > 0) {
            LOG.infof("evicted %d entries of idle home timelines", evicted);
        }
    }
}
