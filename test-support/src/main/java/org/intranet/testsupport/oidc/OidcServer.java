package org.intranet.testsupport.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * An OIDC provider for tests: WireMock on 127.0.0.1 serving discovery and the JWKS whose key signs
 * {@link TestTokens}. Tokens are real RS256 JWTs, verified by quarkus-oidc exactly as Keycloak's would be.
 */
public final class OidcServer implements AutoCloseable {
    public static final String REALM_PATH = "/realms/intranet";
    /** Tests read the issuer from here: it is the same JVM, whatever class loader runs the test. */
    public static final String ISSUER_PROPERTY = "intranet.test.oidc.issuer";

    private final WireMockServer server;

    private OidcServer(WireMockServer server) {
        this.server = server;
    }

    public static OidcServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String issuer = "http://127.0.0.1:" + server.port() + REALM_PATH;
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                         "token_endpoint":"%1$s/protocol/openid-connect/token",
                         "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                         "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer))));
        server.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(json("{\"keys\":[" + publicKey() + "]}")));
        System.setProperty(ISSUER_PROPERTY, issuer);
        return new OidcServer(server);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.port() + REALM_PATH;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String publicKey() {
        try (InputStream in = OidcServer.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("publicKey.jwk of quarkus-test-oidc-server is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
