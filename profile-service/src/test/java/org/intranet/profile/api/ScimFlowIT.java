package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.intranet.profile.api.ScimSupport.ENTERPRISE;
import static org.intranet.profile.api.ScimSupport.createUser;
import static org.intranet.profile.api.ScimSupport.patch;
import static org.intranet.profile.api.ScimSupport.scim;
import static org.intranet.profile.api.ScimSupport.unique;

import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A SCIM client's whole session against the packaged application (prod profile, quarkus-run.jar). */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ScimFlowIT {

    @Test
    void createPatchTheManagerFilterDeactivateAndDelete() {
        String manager = createUser(unique("it-manager"), null);
        String userName = unique("it-user");
        String id = createUser(userName, null);
        patch("/scim/v2/Users/" + id, """
                {"op":"Add","path":"%s:manager","value":"%s"}""".formatted(ENTERPRISE, manager))
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo(manager));
        scim().get("/scim/v2/Users?filter=userName eq \"" + userName + "\"").then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        patch("/scim/v2/Users/" + id, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
                .statusCode(200).body("active", equalTo(false));
        scim().delete("/scim/v2/Users/" + id).then().statusCode(204);
        scim().get("/scim/v2/Users/" + id).then().statusCode(404)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"));
        // the org chart saw the manager; the person is a former employee now
        given().auth().oauth2(TestTokens.user("it-reader").roles("employee").sign()).get("/api/profiles/" + id)
                .then().statusCode(200).body("status", equalTo("LEFT")).body("managerId", equalTo(manager));
        // an employee's token is refused with a SCIM error
        given().auth().oauth2(TestTokens.user("it-reader").roles("employee").sign()).get("/scim/v2/Users")
                .then().statusCode(403).body("status", equalTo("403"));
    }
}
