package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application (quarkus-run.jar, prod profile) against real PostgreSQL, Kafka and signed tokens. */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ProfileFlowIT {

    @Test
    void thePackagedAppProvisionsAProfileFromATokenAndRefusesAnonymousCalls() {
        given().auth().oauth2(TestTokens.user("packaged").claim("department", "Legal").sign())
                .get("/api/profiles/me")
                .then().statusCode(200).body("username", equalTo("packaged")).body("department", equalTo("Legal"));
        given().get("/api/profiles/me").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
