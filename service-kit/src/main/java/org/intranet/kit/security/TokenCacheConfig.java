package org.intranet.kit.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The verified-token cache ({@link TokenCache}): a bearer token whose signature, issuer, audience and expiry Quarkus
 * OIDC has verified once is not verified again on each request until it expires. Defaults are in code, so no service
 * needs a key; {@code INTRANET_TOKEN_CACHE_ENABLED=false} switches it off.
 */
@ConfigMapping(prefix = "intranet.token-cache")
public interface TokenCacheConfig {
    /** Off: every request verifies its token again (what Quarkus OIDC does on its own). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Most verified tokens one JVM keeps (past it, Caffeine evicts those least likely to be used again). An entry is
     * the verified identity: the raw token and its parsed claims, a few KiB.
     */
    @WithDefault("2000")
    int maxSize();

    /**
     * Longest a verified token is served from the cache, however long it still lives; never past its {@code exp}
     * (nor past {@code iat} + {@code quarkus.oidc.token.age} when that is set). After that, OIDC verifies it again.
     */
    @WithDefault("5m")
    Duration maxTtl();
}
