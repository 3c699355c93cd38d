package org.intranet.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.outbox")
public interface OutboxConfig {
    /** Build-time switch: services that publish set it to true and configure the {@code outbox} channel. */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for rows a commit-time kick missed (read by the scheduler; 1s minimum). */
    @WithDefault("1s")
    String pollInterval();

    /** Lets messaging connect its channels before the first tick. */
    @WithDefault("3s")
    String startDelay();

    /** CloudEvent {@code source} of this service's events. */
    @WithDefault("/intranet/unknown")
    String source();

    @WithDefault("100")
    int batchSize();

    /**
     * How long a sent row is kept (for troubleshooting) before the relay deletes it: rows carry personal data, so
     * they must not outlive an erasure by much. The topic's own retention is the broker's.
     */
    @WithDefault("24h")
    Duration retention();

    /** How long one send waits for the broker's acknowledgement before the batch stops and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();
}
