package org.intranet.feed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.feed")
public interface FeedConfig {
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
}
