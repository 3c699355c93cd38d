package org.intranet.kit.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How every event consumer retries a transient failure (the database, OpenSearch or the broker away for a moment)
 * before the event goes to its dead-letter topic. A poison event (unparseable, or breaking the contract) is never
 * retried.
 */
@ConfigMapping(prefix = "intranet.consumers.retry")
public interface ConsumerConfig {
    @WithDefault("8")
    int maxRetries();

    /** The first wait; each next one doubles, up to {@link #maxDelay()}. */
    @WithDefault("250ms")
    Duration delay();

    @WithDefault("30s")
    Duration maxDelay();

    /** Random spread added to each wait, so replicas do not retry in step. */
    @WithDefault("100ms")
    Duration jitter();

    /** After this long, the event goes to the dead-letter topic whatever the count. */
    @WithDefault("2m")
    Duration maxDuration();
}
