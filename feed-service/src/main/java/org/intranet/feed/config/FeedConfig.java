package org.intranet.feed.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** feed-service's own settings ({@code intranet.feed.*}). */
@ConfigMapping(prefix = "intranet.feed")
public interface FeedConfig {

    Mentions mentions();

    Timeline timeline();

    Recognition recognition();

    /** Kudos: the company's values and badges, and the optional giving budget. A company sets its own. */
    interface Recognition {
        /** The values a recognition names ({@code GET /api/recognition/values}); at least one. */
        List<Value> values();

        /** Badge ids a recognition may carry (clients map them to pictures); none means no badges. */
        Optional<List<String>> badges();

        /**
         * People one employee may recognise per calendar month (UTC), each recipient counting once; empty: no
         * budget (the default).
         */
        OptionalInt monthlyBudget();

        interface Value {
            String name();

            Optional<String> description();
        }
    }

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
