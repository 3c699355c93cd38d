package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.intranet.feed.FeedTestSupport.json;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.feed.FeedFixtures;
import org.intranet.kit.store.Sql;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Editing with history, deleting, and links. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class PostLifecycleTest {
    @Inject
    FeedFixtures fixtures;
    @Inject
    Sql sql;

    private List<ConsumerRecord<String, String>> events(String postId, String type, int count) {
        return topics().exactly(Topics.FEED, r -> postId.equals(r.key()) && type.equals(TestTopics.header(r,
                "ce_type")), count, Duration.ofSeconds(20), Duration.ofSeconds(2));
    }

    /** Publishes a marker on the post's partition: once it is there, anything published before it is too. */
    private void awaitMarkerAfter(String postId) {
        fixtures.employee("pl-marker");
        given().auth().oauth2(token("pl-marker")).put("/api/posts/" + postId + "/reactions/LIKE")
                .then().statusCode(200);
        events(postId, EventTypes.REACTION_SET, 1);
    }

    @Test
    void theAuthorEditsAndTheHistoryKeepsEveryText() {
        String bob = fixtures.employee("pl-bob");
        String id = fixtures.publish("pl-author", "first draft #draft");
        given().auth().oauth2(token("pl-author")).contentType(ContentType.JSON)
                .body("{\"body\":\"final text for @pl-bob #final\"}").patch("/api/posts/" + id)
                .then().statusCode(200).body("edited", equalTo(true)).body("revision", equalTo(2))
                .body("mentions", equalTo(List.of(bob))).body("hashtags", equalTo(List.of("final")));
        JsonNode edited = json(events(id, EventTypes.POST_EDITED, 1).get(0));
        assertThat(edited.get("body").asText()).contains("final text");
        assertThat(edited.get("mentions").get(0).asText()).isEqualTo(bob);
        assertThat(edited.get("revision").asInt()).isEqualTo(2);

        given().auth().oauth2(token("pl-reader")).get("/api/posts/" + id + "/history").then().statusCode(200)
                .body("items.revision", equalTo(List.of(2, 1)))
                .body("items[1].body", equalTo("first draft #draft"));
        given().auth().oauth2(token("pl-reader")).get("/api/posts/" + id + "/history?limit=1").then()
                .body("items.revision", equalTo(List.of(2))).body("next", not(equalTo(null)));
        // the topic feeds follow the new text
        given().auth().oauth2(token("pl-reader")).get("/api/feed/topics/final").then().body("items.id", hasItem(id));
        given().auth().oauth2(token("pl-reader")).get("/api/feed/topics/draft").then()
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(token("pl-reader")).get("/api/feed/company?limit=100").then()
                .body("items.find { it.id == '" + id + "' }.edited", equalTo(true));
    }

    @Test
    void onlyTheAuthorEditsAndARefusedEditChangesAndPublishesNothing() {
        String id = fixtures.publish("pl-owner", "mine to change");
        given().auth().oauth2(token("pl-intruder")).contentType(ContentType.JSON).body("{\"body\":\"defaced\"}")
                .patch("/api/posts/" + id).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("pl-owner")).contentType(ContentType.JSON).body("{\"body\":\"   \"}")
                .patch("/api/posts/" + id).then().statusCode(400).body("violations.field", hasItem("body"));
        given().auth().oauth2(token("pl-owner")).contentType(ContentType.JSON).body("{}")
                .patch("/api/posts/" + id).then().statusCode(400).body("detail", containsString("nothing to change"));
        given().auth().oauth2(token("pl-owner")).contentType(ContentType.JSON)
                .body("{\"links\":[{\"url\":\"ftp://files.example.com/x\"}]}")
                .patch("/api/posts/" + id).then().statusCode(400).body("detail", containsString("http"));
        awaitMarkerAfter(id);
        assertThat(events(id, EventTypes.POST_EDITED, 0)).isEmpty();
        given().auth().oauth2(token("pl-owner")).get("/api/posts/" + id).then().body("body",
                equalTo("mine to change")).body("edited", equalTo(false)).body("revision", equalTo(1));
    }

    @Test
    void theAuthorAGroupOwnerOrAnAdminDeleteAndNobodyElse() {
        String plain = fixtures.publish("pl-deleter", "delete me");
        given().auth().oauth2(token("pl-stranger")).delete("/api/posts/" + plain).then().statusCode(403);
        given().auth().oauth2(token("pl-deleter")).delete("/api/posts/" + plain).then().statusCode(204);
        given().auth().oauth2(token("pl-deleter")).get("/api/posts/" + plain).then().statusCode(404);
        given().auth().oauth2(token("pl-deleter")).delete("/api/posts/" + plain).then().statusCode(404);
        given().auth().oauth2(token("pl-stranger")).get("/api/feed/company?limit=100").then()
                .body("items.id", not(hasItem(plain)));
        assertThat(json(events(plain, EventTypes.POST_DELETED, 1).get(0)).get("deletedBy").asText())
                .isEqualTo(TestTokens.stableId("pl-deleter"));

        String group = fixtures.group("pl-group-owner", "Moderated", "PUBLIC");
        fixtures.addMember("pl-poster", group, "pl-poster");
        String inGroup = fixtures.publish("pl-poster", "off topic", group);
        given().auth().oauth2(token("pl-group-owner")).delete("/api/posts/" + inGroup).then().statusCode(204);

        String other = fixtures.publish("pl-poster", "against the rules");
        given().auth().oauth2(TestTokens.user("pl-admin").roles("employee", "admin").sign())
                .delete("/api/posts/" + other).then().statusCode(204);
        given().auth().oauth2(token("pl-group-owner")).get("/api/feed/people/" + TestTokens.stableId("pl-poster"))
                .then().body("items.id", not(hasItem(other))).body("items.id", not(hasItem(inGroup)));
    }

    @Test
    void linksAreValidatedStoredAndShown() {
        String id = given().auth().oauth2(token("pl-linker")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"read this\",\"links\":[{\"url\":\"https://example.com/a\","
                        + "\"title\":\"The article\"},{\"url\":\"http://example.org/b\"}]}")
                .post("/api/posts").then().statusCode(201)
                .body("links.url", equalTo(List.of("https://example.com/a", "http://example.org/b")))
                .body("links.title", equalTo(List.of("The article", "example.org"))).extract().path("id");
        given().auth().oauth2(token("pl-reader")).get("/api/posts/" + id).then()
                .body("links[0].title", equalTo("The article"));
        for (String bad : List.of("javascript:alert(1)", "https://", "not a url at all", "mailto:x@example.com")) {
            given().auth().oauth2(token("pl-linker")).contentType(ContentType.JSON)
                    .body("{\"kind\":\"UPDATE\",\"body\":\"bad link\",\"links\":[{\"url\":\"" + bad + "\"}]}")
                    .post("/api/posts").then().statusCode(400).contentType("application/problem+json");
        }
        String six = "{\"url\":\"https://example.com\"},".repeat(6);
        given().auth().oauth2(token("pl-linker")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"many\",\"links\":[" + six.substring(0, six.length() - 1) + "]}")
                .post("/api/posts").then().statusCode(400).body("violations.field", hasItem("links"));
    }

    @Test
    void postEndpointsNeedAnEmployeeToken() {
        String id = UUID.randomUUID().toString();
        Denials.assertEmployeeOnly("PATCH", "/api/posts/" + id);
        Denials.assertEmployeeOnly("DELETE", "/api/posts/" + id);
        Denials.assertEmployeeOnly("GET", "/api/posts/" + id + "/history");
        Denials.assertEmployeeOnly("GET", "/api/feed/people/" + id);
        Denials.assertEmployeeOnly("GET", "/api/feed/topics/kafka");
    }
}
