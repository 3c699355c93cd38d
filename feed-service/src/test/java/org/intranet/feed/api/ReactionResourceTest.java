package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.intranet.feed.FeedTestSupport.announceEmployee;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ReactionResourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    FeedFixtures fixtures;

    @Test
    void aReactionIsSetSwitchedAndRemovedWithCountsAndMyReaction() throws Exception {
        String post = publish("anna", "React to me");
        react("bert", post, "LIKE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1))).body("myReaction", equalTo("LIKE"));
        react("cara", post, "like").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 2))).body("myReaction", equalTo("LIKE"));
        react("bert", post, "CELEBRATE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1, "CELEBRATE", 1))).body("myReaction", equalTo("CELEBRATE"));
        // removing a type one does not have changes nothing
        unreact("bert", post, "LIKE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1, "CELEBRATE", 1))).body("myReaction", equalTo("CELEBRATE"));
        unreact("bert", post, "CELEBRATE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1))).body("myReaction", nullValue());
        unreact("bert", post, "CELEBRATE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1))).body("myReaction", nullValue());
        assertThat(postCounts(post)).isEqualTo(Map.of("LIKE", 1));
        assertThat(postTotal(post)).isEqualTo(1);

        List<ConsumerRecord<String, String>> events = assertOnlyPublished(post, EventTypes.REACTION_SET,
                EventTypes.REACTION_SET, EventTypes.REACTION_SET, EventTypes.REACTION_REMOVED);
        JsonNode switched = JSON.readTree(events.get(2).value());
        assertThat(switched.get("employeeId").asText()).isEqualTo(TestTokens.stableId("bert"));
        assertThat(switched.get("targetAuthorId").asText()).isEqualTo(TestTokens.stableId("anna"));
        assertThat(switched.get("type").asText()).isEqualTo("CELEBRATE");
        assertThat(switched.get("previousType").asText()).isEqualTo("LIKE");
        assertThat(switched.get("commentId").isNull()).isTrue();
        assertThat(switched.get("audience").get(0).asText()).isEqualTo("all");
        JsonNode removed = JSON.readTree(events.get(3).value());
        assertThat(removed.get("type").asText()).isEqualTo("CELEBRATE");
    }

    @Test
    void theSamePutTwiceOrInParallelHasOneEffect() throws Exception {
        String post = publish("dora", "Idempotent");
        react("emil", post, "LIKE").then().statusCode(200).body("reactions", equalTo(Map.of("LIKE", 1)));
        react("emil", post, "LIKE").then().statusCode(200).body("reactions", equalTo(Map.of("LIKE", 1)))
                .body("myReaction", equalTo("LIKE"));

        // clients retrying on a flaky network: three people send the same PUT ten times each, all at once
        List<String> retrying = List.of("finn", "gwen", "hale");
        int copies = 10;
        ExecutorService pool = Executors.newFixedThreadPool(retrying.size() * copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String who : retrying) {
                String token = token(who);
                for (int i = 0; i < copies; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(token).put(reactions(post) + "/SUPPORT").statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(postCounts(post)).isEqualTo(Map.of("LIKE", 1, "SUPPORT", 3));
        assertThat(postTotal(post)).isEqualTo(4);
        for (String who : List.of("emil", "finn", "gwen", "hale")) {
            topics().exactly(Topics.FEED, r -> post.equals(r.key()) && EventTypes.REACTION_SET.equals(type(r))
                    && r.value().contains(TestTokens.stableId(who)), 1, TIMEOUT, SETTLE);
        }
    }

    @Test
    void anUnknownTypeIsAProblemAndPublishesNothing() {
        String post = publish("gina", "Types");
        String comment = comment("gina", post, "a comment");
        react("hank", post, "LOVE").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("LIKE"));
        unreact("hank", post, "LOVE").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("hank")).put(commentReactions(post, comment) + "/LOVE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token("hank")).queryParam("type", "LOVE").get(reactions(post)).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(postCounts(post)).isEmpty();
        // the marker: published after the rejected requests, so anything they had published would come before it
        react("hank", post, "FUNNY").then().statusCode(200);
        List<ConsumerRecord<String, String>> events = assertOnlyPublished(post, EventTypes.REACTION_SET);
        assertThat(events.get(0).value()).contains("FUNNY");
    }

    @Test
    void whoReactedIsListedNewestFirstAndByType() {
        announceEmployee("mona", "Sales", "Paris");
        String mona = TestTokens.stableId("mona");
        await().atMost(TIMEOUT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("SELECT 1 FROM employees WHERE id = :id").setParameter("id", mona)
                        .getResultList().isEmpty()));
        String post = publish("kim", "Who likes this?");
        react("mona", post, "LIKE").then().statusCode(200);
        react("nico", post, "CELEBRATE").then().statusCode(200);
        react("liam", post, "INSIGHTFUL").then().statusCode(200);
        // switching is reacting again: liam moves to the top
        react("liam", post, "LIKE").then().statusCode(200);

        List<String> order = List.of(TestTokens.stableId("liam"), TestTokens.stableId("nico"), mona);
        given().auth().oauth2(token("kim")).get(reactions(post)).then().statusCode(200)
                .body("items.employeeId", equalTo(order))
                .body("items.type", equalTo(List.of("LIKE", "CELEBRATE", "LIKE")))
                .body("items[2].name", equalTo("mona Test")).body("items[2].handle", equalTo("mona"))
                .body("next", nullValue());
        given().auth().oauth2(token("kim")).queryParam("type", "like").get(reactions(post)).then().statusCode(200)
                .body("items.employeeId", equalTo(List.of(TestTokens.stableId("liam"), mona)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(token("kim")).queryParam("limit", 1)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(reactions(post));
            page.then().statusCode(200);
            seen.addAll(page.path("items.employeeId"));
            cursor = page.path("next");
            if (cursor != null) {
                given().auth().oauth2(token("nico")).queryParam("cursor", cursor).get(reactions(post))
                        .then().statusCode(400).contentType("application/problem+json");
            }
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(order);
    }

    @Test
    void aCommentHasItsOwnReactionsCountsAndMyReaction() throws Exception {
        String post = publish("olga", "Comment reactions");
        String comment = comment("pete", post, "react to this comment");
        String path = commentReactions(post, comment);
        given().auth().oauth2(token("quin")).put(path + "/LIKE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1))).body("myReaction", equalTo("LIKE"));
        given().auth().oauth2(token("quin")).put(path + "/LIKE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1)));
        given().auth().oauth2(token("quin")).put(path + "/FUNNY").then().statusCode(200)
                .body("reactions", equalTo(Map.of("FUNNY", 1))).body("myReaction", equalTo("FUNNY"));
        given().auth().oauth2(token("pete")).put(path + "/LIKE").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1, "FUNNY", 1))).body("myReaction", equalTo("LIKE"));

        given().auth().oauth2(token("quin")).get(comments(post)).then().statusCode(200)
                .body("items[0].reactions", equalTo(Map.of("LIKE", 1, "FUNNY", 1)))
                .body("items[0].myReaction", equalTo("FUNNY"));
        given().auth().oauth2(token("olga")).get(comments(post)).then().statusCode(200)
                .body("items[0].myReaction", nullValue());
        given().auth().oauth2(token("quin")).delete(path + "/FUNNY").then().statusCode(200)
                .body("reactions", equalTo(Map.of("LIKE", 1))).body("myReaction", nullValue());
        // the post's own reactions are untouched
        assertThat(postCounts(post)).isEmpty();
        given().auth().oauth2(token("olga")).get(reactions(post)).then().statusCode(200)
                .body("items", equalTo(List.of()));

        List<ConsumerRecord<String, String>> events = assertOnlyPublished(post, EventTypes.REACTION_SET,
                EventTypes.REACTION_SET, EventTypes.REACTION_SET, EventTypes.REACTION_REMOVED);
        JsonNode switched = JSON.readTree(events.get(1).value());
        assertThat(switched.get("commentId").asText()).isEqualTo(comment);
        assertThat(switched.get("targetAuthorId").asText()).isEqualTo(TestTokens.stableId("pete"));
        assertThat(switched.get("previousType").asText()).isEqualTo("LIKE");

        // a deleted comment, or another post's, cannot be reacted to
        String other = publish("olga", "another post");
        given().auth().oauth2(token("quin")).put(commentReactions(other, comment) + "/LIKE").then().statusCode(404);
        given().auth().oauth2(token("pete")).delete(comments(post) + "/" + comment).then().statusCode(204);
        given().auth().oauth2(token("quin")).put(path + "/LIKE").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDeletedPostCannotBeReactedTo() {
        String post = publish("rosa", "Soon gone");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE posts SET deleted_at = now() WHERE id = CAST(:id AS uuid)").setParameter("id", post)
                .executeUpdate());
        react("saul", post, "LIKE").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("saul")).get(reactions(post)).then().statusCode(404);
        react("saul", UUID.randomUUID().toString(), "LIKE").then().statusCode(404);
        react("saul", "not-a-uuid", "LIKE").then().statusCode(404);
    }

    @Test
    void aNonMemberCannotReactToOrSeeTheReactionsOfAPrivateGroupPost() {
        String group = fixtures.group("tess", "reactions private", "PRIVATE");
        fixtures.addMember("tess", group, "ugo");
        String post = fixtures.publish("tess", "members only", group);
        String comment = comment("ugo", post, "inside");
        react("ugo", post, "LIKE").then().statusCode(200).body("reactions", equalTo(Map.of("LIKE", 1)));
        given().auth().oauth2(token("tess")).get(reactions(post)).then().statusCode(200)
                .body("items.employeeId", equalTo(List.of(TestTokens.stableId("ugo"))));

        react("vic", post, "LIKE").then().statusCode(404).contentType("application/problem+json");
        unreact("vic", post, "LIKE").then().statusCode(404);
        given().auth().oauth2(token("vic")).get(reactions(post)).then().statusCode(404);
        given().auth().oauth2(token("vic")).put(commentReactions(post, comment) + "/LIKE").then().statusCode(404);
        given().auth().oauth2(token("vic")).delete(commentReactions(post, comment) + "/LIKE").then().statusCode(404);
        assertThat(postCounts(post)).isEqualTo(Map.of("LIKE", 1));
        given().auth().oauth2(token("tess")).get(comments(post)).then().statusCode(200)
                .body("items[0].reactions", anEmptyMap());
    }

    @Test
    void thePostItselfStillAnswersBesideItsReactionsAndComments() {
        // ReactionResource (/api/posts/{id}) and CommentResource (/api/posts/{id}/comments) share PostResource's
        // prefix: a request for the post itself must still reach PostResource
        String post = publish("wade", "Routing");
        react("wade", post, "LIKE").then().statusCode(200);
        given().auth().oauth2(token("wade")).get("/api/posts/" + post).then().statusCode(200)
                .body("id", equalTo(post));
        given().auth().oauth2(token("wade")).get(comments(post)).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void everyReactionEndpointNeedsAnEmployeesToken() {
        String post = "/api/posts/" + UUID.randomUUID();
        String comment = post + "/comments/" + UUID.randomUUID();
        Denials.assertEmployeeOnly("PUT", post + "/reactions/LIKE");
        Denials.assertEmployeeOnly("DELETE", post + "/reactions/LIKE");
        Denials.assertEmployeeOnly("GET", post + "/reactions");
        Denials.assertEmployeeOnly("PUT", comment + "/reactions/LIKE");
        Denials.assertEmployeeOnly("DELETE", comment + "/reactions/LIKE");
    }

    // --- helpers

    private static String reactions(String post) {
        return "/api/posts/" + post + "/reactions";
    }

    private static String comments(String post) {
        return "/api/posts/" + post + "/comments";
    }

    private static String commentReactions(String post, String comment) {
        return comments(post) + "/" + comment + "/reactions";
    }

    private static Response react(String who, String post, String type) {
        return given().auth().oauth2(token(who)).put(reactions(post) + "/" + type);
    }

    private static Response unreact(String who, String post, String type) {
        return given().auth().oauth2(token(who)).delete(reactions(post) + "/" + type);
    }

    private static String publish(String author, String body) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + body + "\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
    }

    private static String comment(String author, String post, String body) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON)
                .body("{\"body\":\"" + body + "\"}").post(comments(post))
                .then().statusCode(201).extract().path("id");
    }

    private static String type(ConsumerRecord<String, String> record) {
        String type = TestTopics.header(record, "ce_type");
        return type == null ? "" : type;
    }

    /**
     * Asserts the post's reaction events on the topic are exactly these types, in order. Events of one post share a
     * key, so a partition, and the outbox sends in commit order: nothing can slip in unseen before the last one.
     */
    private static List<ConsumerRecord<String, String>> assertOnlyPublished(String post, String... types) {
        List<ConsumerRecord<String, String>> events = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && type(r).startsWith("intranet.feed.reaction."), types.length, TIMEOUT, SETTLE);
        assertThat(events).extracting(ReactionResourceTest::type).containsExactly(types);
        return events;
    }

    private Map<String, Integer> postCounts(String post) {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT reaction_counts::text FROM posts WHERE id = CAST(:id AS uuid)").setParameter("id", post)
                .getSingleResult());
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Integer>>() {
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int postTotal(String post) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT reaction_count FROM posts WHERE id = CAST(:id AS uuid)").setParameter("id", post)
                .getSingleResult()).intValue());
    }

}
