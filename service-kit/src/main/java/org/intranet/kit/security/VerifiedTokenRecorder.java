package org.intranet.kit.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Fills the {@link TokenCache}: the first augmentor, it sees the identity a provider (OIDC's) built for a token the
 * cache did not know, and keeps it. Augmentors only run after a provider succeeded, so a token that failed
 * verification is never kept. Changes nothing about the identity.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private final TokenCache cache;

    VerifiedTokenRecorder(TokenCache cache) {
        this.cache = cache;
    }

    /** First: it must see the identity as the provider built it, before any other augmentor changes it. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (attributes != null && attributes.get(TokenCache.PENDING) instanceof TokenCache.Pending pending) {
            cache.remember(pending, identity);
        }
        return Uni.createFrom().item(identity);
    }
}
