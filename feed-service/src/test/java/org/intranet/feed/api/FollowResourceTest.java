package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.intranet.feed.FeedTestSupport.json;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.feed.FeedFixtures;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class FollowResourceTest {
    @Inject
    FeedFixtures fixtures;

    @Test
    void followingTwiceHasOneEffectAndCountsFollowers() {
        String star = fixtures.employee("fo-star");
        String fan = fixtures.employee("fo-fan");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("fo-fan")).put("/api/follows/people/" + star).then().statusCode(204);
        }
        assertThat(json(topics().exactly(Topics.FEED, r -> fan.equals(r.key())
                && EventTypes.FOLLOW_ADDED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2)).get(0)).get("target").asText()).isEqualTo(star);
        given().auth().oauth2(token("fo-fan")).get("/api/follows/people/" + star).then().statusCode(200)
                .body("followers", equalTo(1)).body("followedByMe", equalTo(true));
        given().auth().oauth2(token("fo-star")).get("/api/follows/people/" + fan).then()
                .body("following", equalTo(1)).body("followers", equalTo(0)).body("followedByMe", equalTo(false));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("fo-fan")).delete("/api/follows/people/" + star).then().statusCode(204);
        }
        assertThat(topics().exactly(Topics.FEED, r -> fan.equals(r.key())
                && EventTypes.FOLLOW_REMOVED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2))).hasSize(1);
        given().auth().oauth2(token("fo-fan")).get("/api/follows/people/" + star).then()
                .body("followers", equalTo(0)).body("followedByMe", equalTo(false));
    }

    @Test
    void whatIFollowListsPeopleAndTopicsNewestFirstWithACursor() {
        fixtures.employee("fo-lister");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String person = fixtures.employee("fo-followed-" + i);
            given().auth().oauth2(token("fo-lister")).put("/api/follows/people/" + person).then().statusCode(204);
            expected.add(0, person);
            given().auth().oauth2(token("fo-lister")).put("/api/follows/topics/{tag}", "#Topic" + i).then().statusCode(204);
            expected.add(0, "topic" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(token("fo-lister")).queryParam("limit", 4)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/follows");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        given().auth().oauth2(token("fo-lister")).get("/api/follows?limit=1").then()
                .body("items[0].type", equalTo("TOPIC")).body("items[0].name", equalTo("#topic2"));
    }

    @Test
    void badFollowsAreClearErrors() {
        String me = fixtures.employee("fo-self");
        given().auth().oauth2(token("fo-self")).put("/api/follows/people/" + me).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("yourself"));
        given().auth().oauth2(token("fo-self")).put("/api/follows/people/no-such-person").then().statusCode(404);
        given().auth().oauth2(token("fo-self")).put("/api/follows/topics/not a tag!").then().statusCode(400)
                .body("detail", containsString("topic"));
        given().auth().oauth2(token("fo-self")).queryParam("cursor", "forged").get("/api/follows").then()
                .statusCode(400);
        given().auth().oauth2(token("fo-self")).get("/api/follows/people/" + TestTokens.stableId("fo-nobody"))
                .then().statusCode(200).body("followers", equalTo(0));
    }

    @Test
    void everyFollowEndpointNeedsAnEmployeeToken() {
        Denials.assertEmployeeOnly("GET", "/api/follows");
        Denials.assertEmployeeOnly("PUT", "/api/follows/people/someone");
        Denials.assertEmployeeOnly("DELETE", "/api/follows/people/someone");
        Denials.assertEmployeeOnly("GET", "/api/follows/people/someone");
        Denials.assertEmployeeOnly("PUT", "/api/follows/topics/kafka");
        Denials.assertEmployeeOnly("DELETE", "/api/follows/topics/kafka");
    }
}
