package org.intranet.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The employee id is the configured claim of the token, or its subject when the token has no such claim. */
class CallerTest {
    private static QuarkusSecurityIdentity identity(Map<String, Object> claims) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.getOrDefault("preferred_username", claims.get("sub"));
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
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("employee").build();
    }

    @Test
    void theIdIsTheConfiguredClaim() {
        Caller caller = Caller.of(identity(Map.of("sub", "keycloak-id", "employee_id", "entra-object-id",
                "preferred_username", "ada")), "employee_id");
        assertThat(caller.id()).isEqualTo("entra-object-id");
        assertThat(caller.username()).isEqualTo("ada");
    }

    @Test
    void aTokenWithoutTheClaimIsKnownByItsSubjectNotItsUserName() {
        Caller client = Caller.of(identity(Map.of("sub", "scim-client-sub",
                "preferred_username", "service-account-intranet-scim")), "employee_id");
        assertThat(client.id()).isEqualTo("scim-client-sub");
        assertThat(Caller.of(identity(Map.of("sub", "s-1", "preferred_username", "bob")), "sub").id())
                .isEqualTo("s-1");
    }
}
