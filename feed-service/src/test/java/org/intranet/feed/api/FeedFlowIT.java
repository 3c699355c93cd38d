package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/** The packaged application (quarkus-run.jar, prod profile) against real PostgreSQL, Kafka and signed tokens. */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class FeedFlowIT {

    @Test
    void aPostFromThePackagedAppShowsInTheCompanyFeed() {
        String id = given().auth().oauth2(TestTokens.user("writer").sign()).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"shipped in the jar #release\"}")
                .post("/api/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.user("reader").sign()).get("/api/feed/company")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().get("/api/feed/company").then().statusCode(401);
    }

    @Test
    void thePackagedAppFansPostsOutToHomeTimelinesFromItsOwnTopic() {
        String writer = TestTokens.user("home-writer").sign();
        given().auth().oauth2(writer).get("/api/feed/home").then().statusCode(200);
        String id = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"on my own home feed\"}")
                .post("/api/posts").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(writer)
                .get("/api/feed/home").then().statusCode(200).body("items.id", hasItem(id)));
    }
}
