package org.intranet.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * The cache's flow without Quarkus: a request misses and is noted as pending, the identity OIDC built for it is kept,
 * the next request with the same token gets it back bound to itself; anything else goes to OIDC.
 */
class TokenCacheTest {
    private static final long NOW = 1_750_000_000L;
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private final AtomicLong millis = new AtomicLong(NOW * 1000);
    private final TokenCache cache = new TokenCache(true, new VerifiedTokens<>(100, Duration.ofMinutes(5), null,
            () -> millis.get() * 1_000_000L, millis::get));

    /** A JWT principal as OIDC builds it: claims, the raw token among them. */
    private static JsonWebToken jwt(String token, Long exp) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "alice");
        claims.put("iat", NOW - 10);
        claims.put("raw_token", token);
        if (exp != null) {
            claims.put("exp", exp);
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "alice";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    /** A routing context that answers get(name) from a map; nothing else is used. */
    private static RoutingContext routingContext(Map<String, Object> data) {
        return (RoutingContext) Proxy.newProxyInstance(TokenCacheTest.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> data.get((String) args[0]);
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "routing context " + data;
                    default -> null;
                });
    }

    private static RoutingContext request(String tenantId) {
        Map<String, Object> data = new HashMap<>();
        data.put("tenant-id", tenantId);
        return routingContext(data);
    }

    private static final AuthenticationRequestContext REQUEST_CONTEXT = supplier -> null;

    /** What OIDC (3.34) builds for a locally verified bearer JWT. */
    private static QuarkusSecurityIdentity.Builder oidcIdentity(String token, RoutingContext rc, Long exp) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt(token, exp))
                .addCredential(new AccessTokenCredential(token))
                .addRole("employee")
                .addPermissionAsString("read-profiles")
                .addAttribute("quarkus.identity.expire-time", exp)
                .addAttribute(RoutingContext.class.getName(), rc)
                .addAttribute("io.quarkus.oidc.OidcProviderClient", new Object())
                .addAttribute("configuration-metadata", new Object())
                .addAttribute(AuthenticationRequestContext.class.getName(), REQUEST_CONTEXT)
                .addAttribute("tenant-id", "Default");
    }

    private static TokenAuthenticationRequest authRequest(String token, RoutingContext rc) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        return request;
    }

    /** One request: the cache's answer, or null after OIDC's identity went through the recorder. */
    private SecurityIdentity authenticate(String token, RoutingContext rc, SecurityIdentity whatOidcBuilds) {
        TokenAuthenticationRequest request = authRequest(token, rc);
        SecurityIdentity cached = cache.lookup(request, REQUEST_CONTEXT);
        if (cached == null && request.getAttribute(TokenCache.PENDING) instanceof TokenCache.Pending pending
                && whatOidcBuilds != null) {
            cache.remember(pending, whatOidcBuilds);
        }
        return cached;
    }

    @Test
    void aTokenIsVerifiedOnceThenServedBoundToEachRequest() {
        RoutingContext first = request("Default");
        SecurityIdentity verified = oidcIdentity(TOKEN, first, NOW + 60).build();
        assertThat(authenticate(TOKEN, first, verified)).as("first request: OIDC verifies").isNull();

        RoutingContext second = request("Default");
        SecurityIdentity served = authenticate(TOKEN, second, null);
        assertThat(served).isNotNull();
        assertThat(served.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(served.getRoles()).containsExactly("employee");
        assertThat(served.getCredential(AccessTokenCredential.class).getToken()).isEqualTo(TOKEN);
        assertThat(served.<Object> getAttribute("tenant-id")).isEqualTo("Default");
        assertThat(served.<RoutingContext> getAttribute(RoutingContext.class.getName()))
                .as("this request's routing context, never the first one's").isSameAs(second);
        assertThat(served.<Object> getAttribute(AuthenticationRequestContext.class.getName()))
                .isSameAs(REQUEST_CONTEXT);
        assertThat(served.getAttributes().keySet())
                .containsExactlyInAnyOrderElementsOf(verified.getAttributes().keySet());
        assertThat(served.checkPermission(new StringPermission("read-profiles")).await().indefinitely()).isTrue();
        assertThat(served.checkPermission(new StringPermission("write-profiles")).await().indefinitely()).isFalse();
    }

    @Test
    void nothingOfTheVerifyingRequestIsKept() {
        SecurityIdentity verified = oidcIdentity(TOKEN, request("Default"), NOW + 60).build();
        SecurityIdentity kept = CachedIdentity.strip(verified);

        assertThat(kept.getAttributes()).doesNotContainKeys(RoutingContext.class.getName(),
                AuthenticationRequestContext.class.getName(), HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        assertThat(kept.getAttributes()).containsOnlyKeys("quarkus.identity.expire-time", "tenant-id",
                "io.quarkus.oidc.OidcProviderClient", "configuration-metadata");
        assertThat(kept.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(kept.getRoles()).isEqualTo(verified.getRoles());
        assertThat(kept.getCredentials()).isEqualTo(verified.getCredentials());
        assertThat(kept.getPermissions()).isEqualTo(verified.getPermissions());
    }

    @Test
    void aTokenWithAnotherSignatureIsNeverServedFromTheCache() {
        authenticate(TOKEN, request("Default"), oidcIdentity(TOKEN, request("Default"), NOW + 60).build());

        String forged = TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        TokenAuthenticationRequest request = authRequest(forged, request("Default"));
        assertThat(cache.lookup(request, REQUEST_CONTEXT)).isNull();
        assertThat(request.<Object> getAttribute(TokenCache.PENDING)).as("left to OIDC").isNotNull();
    }

    @Test
    void anExpiredTokenGoesBackToOidc() {
        authenticate(TOKEN, request("Default"), oidcIdentity(TOKEN, request("Default"), NOW + 60).build());
        assertThat(authenticate(TOKEN, request("Default"), null)).isNotNull();

        millis.addAndGet(60_000);
        assertThat(authenticate(TOKEN, request("Default"), null)).isNull();
    }

    @Test
    void aTokenVerifiedForOneTenantIsNotServedToAnother() {
        authenticate(TOKEN, request("Default"), oidcIdentity(TOKEN, request("Default"), NOW + 60).build());
        assertThat(authenticate(TOKEN, request("partners"), null)).isNull();
    }

    @Test
    void requestsWhoseTokenCheckDependsOnTheRequestAlwaysGoToOidc() {
        authenticate(TOKEN, request("Default"), oidcIdentity(TOKEN, request("Default"), NOW + 60).build());
        for (String check : new String[] { "dpop_proof", "x5t#S256", "io.quarkus.oidc.runtime.step-up-auth" }) {
            Map<String, Object> data = new HashMap<>(Map.of("tenant-id", "Default", check, "x"));
            TokenAuthenticationRequest request = authRequest(TOKEN, routingContext(data));
            assertThat(cache.lookup(request, REQUEST_CONTEXT)).as(check).isNull();
            assertThat(request.<Object> getAttribute(TokenCache.PENDING)).as(check).isNull();
        }
        TokenAuthenticationRequest noTenant = authRequest(TOKEN, routingContext(new HashMap<>()));
        assertThat(cache.lookup(noTenant, REQUEST_CONTEXT)).as("tenant not resolved").isNull();
        TokenAuthenticationRequest notHttp = new TokenAuthenticationRequest(new AccessTokenCredential(TOKEN));
        assertThat(cache.lookup(notHttp, REQUEST_CONTEXT)).as("no routing context").isNull();
        TokenAuthenticationRequest idToken = new TokenAuthenticationRequest(new IdTokenCredential(TOKEN));
        HttpSecurityUtils.setRoutingContextAttribute(idToken, request("Default"));
        assertThat(cache.lookup(idToken, REQUEST_CONTEXT)).as("code flow ID token").isNull();
        assertThat(idToken.<Object> getAttribute(TokenCache.PENDING)).as("code flow ID token").isNull();
    }

    @Test
    void onlyIdentitiesFromLocallyVerifiedJwtsAreKept() {
        RoutingContext rc = request("Default");
        Map<String, SecurityIdentity> refused = Map.of(
                "introspected", oidcIdentity(TOKEN, rc, NOW + 60).addAttribute("introspection", new Object()).build(),
                "with UserInfo", oidcIdentity(TOKEN, rc, NOW + 60).addAttribute("userinfo", new Object()).build(),
                "no exp", oidcIdentity(TOKEN, rc, null).build(),
                "other tenant", oidcIdentity(TOKEN, rc, NOW + 60).addAttribute("tenant-id", "partners").build(),
                "another token's principal", QuarkusSecurityIdentity.builder(oidcIdentity(TOKEN, rc, NOW + 60).build())
                        .setPrincipal(jwt(TOKEN + "x", NOW + 60)).build(),
                "already expired", oidcIdentity(TOKEN, rc, NOW).build(),
                "anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        refused.forEach((why, identity) -> {
            TokenCache fresh = new TokenCache(true, new VerifiedTokens<>(100, Duration.ofMinutes(5), null,
                    () -> millis.get() * 1_000_000L, millis::get));
            TokenAuthenticationRequest request = authRequest(TOKEN, request("Default"));
            assertThat(fresh.lookup(request, REQUEST_CONTEXT)).isNull();
            fresh.remember(request.getAttribute(TokenCache.PENDING), identity);
            assertThat(fresh.lookup(authRequest(TOKEN, request("Default")), REQUEST_CONTEXT)).as(why).isNull();
        });
    }

    @Test
    void aDisabledCacheAnswersNothingAndNotesNothing() {
        TokenCache off = new TokenCache(false, new VerifiedTokens<>(100, Duration.ofMinutes(5), null,
                () -> millis.get() * 1_000_000L, millis::get));
        TokenAuthenticationRequest request = authRequest(TOKEN, request("Default"));
        assertThat(off.lookup(request, REQUEST_CONTEXT)).isNull();
        assertThat(request.<Object> getAttribute(TokenCache.PENDING)).isNull();
    }

    @Test
    void theProviderRunsBeforeOidcs() {
        // OIDC's identity provider keeps IdentityProvider's default priority (SYSTEM_FIRST + 1)
        assertThat(CachedTokenIdentityProvider.PRIORITY)
                .isGreaterThan(io.quarkus.security.identity.IdentityProvider.SYSTEM_FIRST + 1);
    }
}
