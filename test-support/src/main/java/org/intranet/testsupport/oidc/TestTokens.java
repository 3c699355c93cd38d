package org.intranet.testsupport.oidc;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints signed access tokens shaped like Keycloak's ({@code realm_access.roles}, {@code preferred_username},
 * custom {@code department}/{@code location} claims) for the {@link OidcServer} of this JVM.
 *
 * <pre>String token = TestTokens.user("alice").roles("employee").claim("department", "Sales").sign();</pre>
 */
public final class TestTokens {
    /** The audience the services require ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "intranet-api";

    private final String username;
    private String subject;
    private List<String> roles = List.of("employee");
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
    private String issuer;
    private boolean forged;
    private String audience = AUDIENCE;

    private TestTokens(String username) {
        this.username = username;
        this.subject = stableId(username);
    }

    public static TestTokens user(String username) {
        return new TestTokens(username);
    }

    /** The subject tests use for a username: stable, so assertions can name it. */
    public static String stableId(String username) {
        return UUID.nameUUIDFromBytes(("intranet-test:" + username).getBytes()).toString();
    }

    public TestTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestTokens roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public TestTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TestTokens expired() {
        this.expiresAt = Instant.now().minus(Duration.ofMinutes(5));
        return this;
    }

    /** A short-lived token, e.g. to see a stream end when it expires. */
    public TestTokens expiresIn(Duration lifetime) {
        this.expiresAt = Instant.now().plus(lifetime);
        return this;
    }

    /** A token from some other provider: the services must reject it. */
    public TestTokens issuedBy(String otherIssuer) {
        this.issuer = otherIssuer;
        return this;
    }

    /** A token meant for some other API of the same identity provider: the services must reject it. */
    public TestTokens audience(String otherAudience) {
        this.audience = otherAudience;
        return this;
    }

    /** Signs with a fresh key that is not in the JWKS, under the trusted key id: a forged token. */
    public TestTokens forged() {
        this.forged = true;
        return this;
    }

    public String sign() {
        String iss = issuer != null ? issuer : System.getProperty(OidcServer.ISSUER_PROPERTY);
        if (iss == null) {
            throw new IllegalStateException("no OidcServer started in this JVM");
        }
        String display = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        JwtClaimsBuilder builder = Jwt.issuer(iss)
                .subject(subject)
                .claim("preferred_username", username)
                .claim("name", display + " Test")
                .claim("given_name", display)
                .claim("family_name", "Test")
                .claim("email", username + "@example.com")
                .claim("typ", "Bearer")
                .audience(audience)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now().isBefore(expiresAt) ? Instant.now() : expiresAt.minus(Duration.ofMinutes(15)))
                .expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return forged ? builder.jws().keyId("1").sign(freshKey()) : builder.jws().keyId("1").sign("privateKey.jwk");
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
