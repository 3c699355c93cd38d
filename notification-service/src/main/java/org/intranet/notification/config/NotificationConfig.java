package org.intranet.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.notification")
public interface NotificationConfig {

    /**
     * Token claims that stand in for a reader's department and location until the employee read-copy has them
     * (the first profile event may still be on its way); named as the identity provider names them.
     */
    Claims claims();

    interface Claims {
        @WithDefault("department")
        String department();

        @WithDefault("location")
        String location();
    }

    Stream stream();

    interface Stream {
        /** How often an idle live stream gets a comment line, so proxies do not close it. */
        @WithDefault("25s")
        Duration heartbeat();

        /** Notifications queued for one slow client before its stream is closed (it reconnects and re-lists). */
        @WithDefault("256")
        int buffer();
    }
}
