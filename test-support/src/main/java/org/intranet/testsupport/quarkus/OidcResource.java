package org.intranet.testsupport.quarkus;

import java.util.Map;

import org.intranet.testsupport.oidc.OidcServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points quarkus-oidc at the test {@link OidcServer} (mint tokens with {@code TestTokens}), and gives the packaged
 * app of an {@code *IT} (run in the prod profile, which has no development secrets) the key that signs cursors.
 */
public class OidcResource implements QuarkusTestResourceLifecycleManager {
    private OidcServer server;

    @Override
    public Map<String, String> start() {
        server = OidcServer.start();
        return Map.of("quarkus.oidc.auth-server-url", server.issuer(),
                "intranet.paging.cursor-key", "integration-test-cursor-key-not-a-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
