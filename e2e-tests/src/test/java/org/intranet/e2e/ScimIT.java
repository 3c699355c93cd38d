package org.intranet.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.intranet.e2e.Stack.as;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * An identity provider provisions through SCIM with Keycloak's client-credentials token: the person it creates is
 * in the directory and the org chart and can be found, and when it deactivates them they drop out of search.
 */
class ScimIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static RequestSpecification scim(String token) {
        return as(token, Stack.PROFILE).contentType("application/scim+json").accept("application/scim+json");
    }

    private static String create(String token, String userName, String displayName) {
        String externalId = UUID.randomUUID().toString();
        return scim(token).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"externalId":"%s","userName":"%s",
                 "displayName":"%s","active":true,"%s":{"department":"Provisioned"}}"""
                .formatted(ENTERPRISE, externalId, userName, displayName, ENTERPRISE))
                .post("/scim/v2/Users").then().statusCode(201).body("id", equalTo(externalId)).extract().path("id");
    }

    private static List<String> suggested(String token, String prefix) {
        return as(token, Stack.SEARCH).queryParam("q", prefix).get("/api/search/suggest").then().statusCode(200)
                .extract().jsonPath().getList("people.id");
    }

    @Test
    void aProvisionedPersonJoinsTheDirectoryAndSearchAndLeavesWhenDeactivated() {
        String client = Stack.scimClientToken();
        String bob = Stack.token("bob");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zephyrine" + marker;
        String manager = create(client, "scim-boss-" + marker + "@corp.example", "Boss " + marker);
        String person = create(client, "scim-" + marker + "@corp.example", name + " Provisioned");

        scim(client).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"%s:manager","value":"%s"}]}""".formatted(ENTERPRISE, manager))
                .patch("/scim/v2/Users/" + person).then().statusCode(200);
        scim(client).queryParam("filter", "userName eq \"SCIM-" + marker + "@corp.example\"").get("/scim/v2/Users")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(person));

        as(bob, Stack.PROFILE).get("/api/profiles/" + person + "/chain").then().statusCode(200)
                .body("id", equalTo(List.of(manager)));
        await().atMost(EVENTUALLY).until(() -> suggested(bob, name).contains(person));

        scim(client).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""")
                .patch("/scim/v2/Users/" + person).then().statusCode(200).body("active", equalTo(false));
        await().atMost(EVENTUALLY).until(() -> !suggested(bob, name).contains(person));
        as(bob, Stack.PROFILE).get("/api/profiles/" + person).then().statusCode(200).body("status", equalTo("LEFT"));

        scim(client).delete("/scim/v2/Users/" + person).then().statusCode(204);
        scim(client).get("/scim/v2/Users/" + person).then().statusCode(404);
        // an employee's token is no provisioning client
        scim(bob).get("/scim/v2/Users").then().statusCode(403).body("status", equalTo("403"))
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"));
    }
}
