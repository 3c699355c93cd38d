package org.intranet.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The production realm (k8s/base/infra/keycloak-realm.yaml, imported by the Keycloak operator) imports into the
 * local Keycloak, the same version, under another name: a role or client Keycloak would refuse fails here, not at
 * the first deploy. Its SCIM client then gets a token the services accept, and a new user gets the employee role.
 */
class KubernetesRealmIT {
    private static final Path REALM = Path.of(System.getProperty("intranet.repo.root", ".."))
            .resolve("k8s/base/infra/keycloak-realm.yaml");

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void theKubernetesRealmImportsAndItsClientsWork() throws Exception {
        String name = "k8s-check-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String yaml = Files.readString(REALM, StandardCharsets.UTF_8).replace("${SCIM_CLIENT_SECRET}", secret);
        ObjectNode realm = (ObjectNode) new YAMLMapper().readTree(yaml).path("spec").path("realm");
        assertThat(realm.path("realm").asText()).isEqualTo("intranet");
        realm.put("realm", name);
        String admin = adminToken();
        given().auth().oauth2(admin).contentType("application/json").body(realm.toString())
                .post(Stack.KEYCLOAK + "/admin/realms").then().statusCode(201);
        try {
            String scim = given().formParam("grant_type", "client_credentials").formParam("client_id", "intranet-scim")
                    .formParam("client_secret", secret)
                    .post(Stack.KEYCLOAK + "/realms/" + name + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(scim.split("\\.")[1]));
            assertThat(claims.path("realm_access").path("roles").toString()).contains("\"scim\"")
                    .doesNotContain("\"employee\"");
            assertThat(claims.path("aud").toString()).contains("intranet-api");

            String location = given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"username\":\"newcomer\",\"enabled\":true}")
                    .post(Stack.KEYCLOAK + "/admin/realms/" + name + "/users").then().statusCode(201)
                    .extract().header("Location");
            List<String> roles = given().auth().oauth2(admin)
                    .get(location + "/role-mappings/realm/composite").then().statusCode(200)
                    .extract().jsonPath().getList("name");
            assertThat(roles).contains("employee", "offline_access").doesNotContain("hr", "admin", "scim");
        } finally {
            given().auth().oauth2(admin).delete(Stack.KEYCLOAK + "/admin/realms/" + name).then().statusCode(204);
        }
    }
}
