package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.intranet.feed.FeedTestSupport.token;

import java.time.Duration;

import org.intranet.testsupport.quarkus.DatabaseControl;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** With PostgreSQL away, clients are told to retry (503 + Retry-After), and the service recovers by itself. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    @AfterEach
    void bringTheDatabaseBack() {
        DatabaseControl.restartDatabase();
    }

    @Test
    void aStoppedDatabaseIsA503WithRetryAfterAndTheServiceRecovers() {
        String token = token("outage");
        String post = "{\"kind\":\"UPDATE\",\"body\":\"during the outage\"}";
        given().auth().oauth2(token).get("/api/feed/company").then().statusCode(200);

        DatabaseControl.stopDatabase();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(post).post("/api/posts")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("detail", containsString("the database is not answering right now"));
        given().auth().oauth2(token).get("/api/feed/company").then().statusCode(503).header("Retry-After", "5");

        DatabaseControl.restartDatabase();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).contentType(ContentType.JSON).body(post).post("/api/posts")
                        .then().statusCode(201));
    }
}
