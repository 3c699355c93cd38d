package org.intranet.feed.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** feed-service's own settings ({@code intranet.feed.*}). */
@ConfigMapping(prefix = "intranet.feed")
public interface FeedConfig {

    Mentions mentions();

    Timeline timeline();

    interface Mentions {
        /**
         * How long an {@code @handle} that named nobody waits for that employee's profile to arrive. Long enough for
         * any provisioning lag; short enough that a person who joins next year is not told about an old post.
         */
        @WithDefault("P2D")
        Duration pendingWindow();
    }

    interface Timeline {
        /** Entries kept per home timeline (Mastodon keeps 800); older ones are trimmed, pages past them read nothing. */
        @WithDefault("800")
        int size();

        /** Groups with more members than this are not fanned out: their posts are merged into home feeds at read. */
        @WithDefault("1000")
        int fanOutGroupLimit();

        /** A timeline not read for this long is dropped (and rebuilt on the owner's next read). */
        @WithDefault("P14D")
        Duration idleEviction();

        /** Posts brought in when someone follows a person or topic or joins a group. */
        @WithDefault("50")
        int backfill();

        /** Timelines trimmed per maintenance tick. */
        @WithDefault("500")
        int trimBatch();
    }
}
