package org.intranet.notification.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.notification")
public interface NotificationConfig {

    Stream stream();

    /** The zone of quiet hours and digests for someone who chose none. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    Broadcast broadcast();

    interface Broadcast {
        /**
         * How far back an announcement still reaches someone's list when they first look: older ones are in the
         * feed, not news. Shorter than {@code retention.read}, so a read one deleted is never written again.
         */
        @WithDefault("30d")
        Duration window();
    }

    Retention retention();

    interface Retention {
        /** How long a notification is kept once read; unread ones are kept until they are read. */
        @WithDefault("90d")
        Duration read();

        /** Rows deleted per statement: short transactions, no long lock on the table. */
        @WithDefault("1000")
        int batch();
    }

    interface Stream {
        /** How often an idle live stream gets a comment line, so proxies do not close it. */
        @WithDefault("25s")
        Duration heartbeat();

        /** Notifications queued for one slow client before its stream is closed (it reconnects and re-lists). */
        @WithDefault("256")
        int buffer();
    }
}
