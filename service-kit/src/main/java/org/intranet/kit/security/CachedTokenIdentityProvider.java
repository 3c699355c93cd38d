package org.intranet.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token already verified by Quarkus OIDC from the {@link TokenCache}; answers null for any other,
 * so that the next provider, OIDC's, verifies it. Runs on the event loop: a hash and a map lookup, nothing blocks.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Above OIDC's provider (the default, {@code SYSTEM_FIRST + 1}): providers are tried by descending priority. */
    static final int PRIORITY = SYSTEM_FIRST + 1000;

    private final TokenCache cache;

    CachedTokenIdentityProvider(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        SecurityIdentity cached = cache.lookup(request, context);
        return cached == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(cached);
    }
}
