package org.intranet.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.notification")
public interface NotificationConfig {

    Stream stream();

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
