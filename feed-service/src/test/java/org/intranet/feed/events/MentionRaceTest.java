package org.intranet.feed.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.feed.FeedTestSupport.announceEmployee;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.kit.store.Sql;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The race measured on a fresh stack: a post mentions someone whose profile event has not reached feed-service yet.
 * The mention must not be lost: it waits, and resolves (with a post.mentioned event) when the profile arrives.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class MentionRaceTest {
    @Inject
    Sql sql;

    private List<String> mentions(String postId) {
        return sql.one("SELECT mentions FROM posts WHERE id = ?", rs -> Sql.strings(rs.getArray(1)),
                UUID.fromString(postId)).orElseThrow();
    }

    @Test
    void aMentionOfSomeoneNotYetKnownResolvesWhenTheirProfileArrives() throws Exception {
        String newcomer = "race-newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        String id = TestTokens.stableId(newcomer);
        String post = given().auth().oauth2(token("race-greeter")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"Welcome @" + newcomer + "!\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
        assertThat(mentions(post)).isEmpty();

        announceEmployee(newcomer, "Sales", "Lyon");
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions(post).contains(id));

        List<ConsumerRecord<String, String>> resolved = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && EventTypes.POST_MENTIONED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2));
        JsonNode payload = new ObjectMapper().readTree(resolved.get(0).value());
        assertThat(payload.get("mentions").get(0).asText()).isEqualTo(id);
        assertThat(payload.get("authorId").asText()).isEqualTo(TestTokens.stableId("race-greeter"));
        assertThat(payload.get("audience").get(0).asText()).isEqualTo("all");
        given().auth().oauth2(token("race-reader")).get("/api/posts/" + post).then().statusCode(200);
        assertThat(sql.one("SELECT count(*) FROM pending_mentions WHERE post_id = ?", rs -> rs.getInt(1),
                UUID.fromString(post))).hasValue(0);
    }

    @Test
    void aSecondSnapshotOfTheSameHandleResolvesNothingAgain() {
        String newcomer = "race-twice-" + UUID.randomUUID().toString().substring(0, 8);
        String post = given().auth().oauth2(token("race-greeter")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"Hi @" + newcomer + "\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
        announceEmployee(newcomer, "Sales", "Lyon");
        await().atMost(Duration.ofSeconds(20)).until(() -> !mentions(post).isEmpty());
        // a later snapshot with a higher version (an ordinary profile edit) must not resolve or publish again
        String employee = TestTokens.stableId(newcomer);
        topics().send(Topics.PROFILE, employee, """
                {"id":"%s","username":"%s","displayName":"Renamed","department":"Sales","location":"Lyon",
                 "skills":[],"status":"ACTIVE","version":5,"updatedAt":"2026-11-29T00:00:00Z"}"""
                .formatted(employee, newcomer), TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                EventTypes.EMPLOYEE_UPDATED, EventTypes.PROFILE_SOURCE, employee));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.one(
                "SELECT display_name FROM employees WHERE id = ?", rs -> rs.getString(1), employee)
                .filter("Renamed"::equals).isPresent());
        assertThat(mentions(post)).containsExactly(employee);
        assertThat(topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && EventTypes.POST_MENTIONED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2))).hasSize(1);
    }
}
