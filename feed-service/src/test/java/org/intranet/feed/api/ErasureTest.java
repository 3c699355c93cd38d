package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.intranet.feed.FeedTestSupport.announceEmployee;
import static org.intranet.feed.FeedTestSupport.announceErased;
import static org.intranet.feed.FeedTestSupport.token;

import java.time.Duration;
import java.util.Map;

import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GDPR erasure: employee.erased removes or anonymises everything feed-service holds of the person. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ErasureTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static String post(String who, String body) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + body + "\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
    }

    private static String comment(String who, String post, String body) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON).body("{\"body\":\"" + body + "\"}")
                .post("/api/posts/" + post + "/comments").then().statusCode(201).extract().path("id");
    }

    @Test
    void anErasedEmployeesContentGoesAndWhatOthersWroteStays() {
        String erin = TestTokens.stableId("era-erin");
        String otto = TestTokens.stableId("era-otto");
        announceEmployee("era-erin", "Ops", "Paris");
        announceEmployee("era-otto", "Ops", "Paris");
        String hers = post("era-erin", "Erin's own words");
        String his = post("era-otto", "Thanks @era-erin for the help");
        // the mention resolves once feed-service has her profile (at once, or when the snapshot arrives)
        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(token("era-otto"))
                .get("/api/posts/" + his).then().body("mentions", hasItem(erin)));
        comment("era-otto", hers, "Otto on Erin's post");
        String herComment = comment("era-erin", his, "Erin on Otto's post");
        comment("era-otto", his, "Otto replying to himself");
        given().auth().oauth2(token("era-erin")).put("/api/posts/" + his + "/reactions/LIKE").then().statusCode(200);
        given().auth().oauth2(token("era-erin")).put("/api/follows/people/" + otto).then().statusCode(204);
        given().auth().oauth2(token("era-otto")).get("/api/follows/people/" + otto).then().body("followers",
                equalTo(1));

        announceErased("era-erin");

        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(token("era-otto"))
                .get("/api/posts/" + hers).then().statusCode(404));
        given().auth().oauth2(token("era-otto")).get("/api/posts/" + his).then().statusCode(200)
                .body("reactions", equalTo(Map.of())).body("commentCount", equalTo(1))
                .body("mentions", equalTo(java.util.List.of()))
                .body("body", equalTo("Thanks @era-erin for the help"));
        JsonPath comments = given().auth().oauth2(token("era-otto")).get("/api/posts/" + his + "/comments")
                .then().statusCode(200).extract().jsonPath();
        assertThat(comments.getList("items.body", String.class)).noneMatch(b -> b.contains("Erin on"));
        assertThat(comments.getList("items.authorId", String.class)).doesNotContain(erin);
        assertThat(comments.getList("items.id", String.class)).doesNotContain(herComment);
        given().auth().oauth2(token("era-otto")).get("/api/follows/people/" + otto).then().body("followers",
                equalTo(0));
        // nothing of hers is left to export
        JsonPath export = given().auth().oauth2(token("era-erin")).get("/api/feed/me/export").then().statusCode(200)
                .extract().jsonPath();
        for (String section : new String[] {"posts", "revisions", "comments", "reactions", "follows", "groups"}) {
            assertThat(export.getList(section)).as(section).isEmpty();
        }
    }
}
