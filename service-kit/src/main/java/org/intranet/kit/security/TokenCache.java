package org.intranet.kit.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * The verified-token cache: a bearer token that Quarkus OIDC has verified (signature, issuer, audience, expiry,
 * required claims, roles read from it) is answered from here on the next requests that carry it, until it expires,
 * instead of being parsed and verified again. Measured on profile-service, verifying costs more CPU than the request's
 * database work (bench/README.md).
 *
 * <h2>How it plugs in</h2>
 * Quarkus' identity provider manager tries the providers of a request type by descending priority and moves on to
 * the next one when a provider answers null; then it runs the augmentors, by descending priority, on the identity the
 * provider returned. So:
 * <ol>
 * <li>{@link CachedTokenIdentityProvider} (priority above OIDC's) answers a cached identity for a known token, rebuilt
 * with this request's routing context ({@link CachedIdentity#forRequest}: nothing of the request that verified the
 * token is kept, see {@link CachedIdentity#strip}); for an unknown token it notes the key on
 * the request and answers null, and OIDC's provider verifies the token as it always does. A token OIDC refuses is
 * never cached.</li>
 * <li>{@link VerifiedTokenRecorder} (the first augmentor) sees the identity OIDC built for that request and keeps it
 * when {@link CachedIdentity#notCacheable} finds nothing against it. Later augmentors run on every request, cached or
 * not, exactly as before.</li>
 * </ol>
 *
 * <h2>Why verification is not weakened</h2>
 * <ul>
 * <li>The key is the SHA-256 of the tenant id and the whole token: a token with another signature, or changed in any
 * byte, is another key and goes through full verification.</li>
 * <li>No entry outlives its token's {@code exp} (nor {@code iat} + {@code quarkus.oidc.token.age} when set, nor
 * {@code intranet.token-cache.max-ttl}); the deadline is checked on every read, so an expired token is verified again
 * by OIDC, which refuses it.</li>
 * <li>Only identities from locally verified JWTs are kept: not introspected or opaque tokens, not UserInfo-based ones,
 * not requests with a DPoP proof, a certificate-bound token or a step-up (acr) policy, whose checks depend on the
 * request.</li>
 * <li>Per JVM, in memory only, bounded ({@code intranet.token-cache.max-size}; Caffeine evicts the entries least
 * likely to be used again).</li>
 * </ul>
 */
@ApplicationScoped
public class TokenCache {
    private static final Logger LOG = Logger.getLogger(TokenCache.class);

    /** Request attribute: the key of a token that was not in the cache, for {@link VerifiedTokenRecorder}. */
    static final String PENDING = TokenCache.class.getName() + ".pending";

    /**
     * Routing-context entries Quarkus OIDC sets before verification when the token's acceptance depends on the request
     * itself: a client certificate thumbprint (certificate-bound tokens), a DPoP proof, a step-up authentication
     * policy. Such requests always go through OIDC.
     */
    private static final String[] REQUEST_BOUND_CHECKS = {
            "x5t#S256", "dpop_proof", "io.quarkus.oidc.runtime.step-up-auth" };

    /** A token not in the cache, as noted on its request. */
    record Pending(String key, String token, String tenantId) {
    }

    private final boolean enabled;
    private final VerifiedTokens<SecurityIdentity> tokens;

    @Inject
    TokenCache(TokenCacheConfig config, Instance<MeterRegistry> registries) {
        this(config.enabled(), new VerifiedTokens<>(config.maxSize(), config.maxTtl(),
                // OIDC refuses a token older than this (iat + age) when it is set: no entry may outlive that
                ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.token.age", Duration.class).orElse(null),
                Ticker.systemTicker(), System::currentTimeMillis));
        if (enabled && registries.isResolvable()) {
            CaffeineCacheMetrics.monitor(registries.get(), tokens.cache(), "intranet.token-cache");
        }
        LOG.debugf("verified-token cache %s: up to %d tokens, each for at most %s and never past its exp",
                enabled ? "on" : "off", config.maxSize(), config.maxTtl());
    }

    TokenCache(boolean enabled, VerifiedTokens<SecurityIdentity> tokens) {
        this.enabled = enabled;
        this.tokens = tokens;
    }

    /**
     * The identity to serve for this request's token when it was verified before; null otherwise (then the key is
     * noted on the request, and OIDC verifies the token).
     */
    SecurityIdentity lookup(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // bearer access tokens only: an ID token (code flow) is always verified by OIDC
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential credential)
                || credential.getToken() == null) {
            return null;
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext == null) {
            return null;
        }
        for (String check : REQUEST_BOUND_CHECKS) {
            if (routingContext.get(check) != null) {
                return null;
            }
        }
        // OIDC's authentication mechanism resolves the tenant, and puts its id here, before any provider runs
        if (!(routingContext.get(CachedIdentity.TENANT_ID) instanceof String tenantId)) {
            return null;
        }
        String token = credential.getToken();
        String key = VerifiedTokens.key(tenantId, token);
        SecurityIdentity cached = tokens.lookup(key);
        if (cached != null) {
            return CachedIdentity.forRequest(cached, routingContext, context);
        }
        request.setAttribute(PENDING, new Pending(key, token, tenantId));
        return null;
    }

    /** Keeps the identity OIDC built for a token noted as pending, when it may be served again. */
    void remember(Pending pending, SecurityIdentity identity) {
        String reason = CachedIdentity.notCacheable(identity, pending.token(), pending.tenantId());
        if (reason != null) {
            LOG.debugf("verified token not cached: %s", reason);
            return;
        }
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        tokens.remember(pending.key(), CachedIdentity.strip(identity),
                CachedIdentity.epochSeconds(jwt.getClaim("exp")), CachedIdentity.epochSeconds(jwt.getClaim("iat")));
    }
}
