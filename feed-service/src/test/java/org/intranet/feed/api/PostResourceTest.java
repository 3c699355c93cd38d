package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.intranet.feed.FeedTestSupport.announceEmployee;
import static org.intranet.feed.FeedTestSupport.announceLeaver;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class PostResourceTest {
    @TestHTTPResource("/api/posts")
    URI postsUri;

    @Inject
    EntityManager em;

    private long posts() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM posts").getSingleResult()).longValue());
    }

    @Test
    void publishedPostResolvesMentionsAndTagsAndIsPublishedAsAnEvent() throws Exception {
        announceEmployee("bob", "Sales", "Paris");
        String bob = TestTokens.stableId("bob");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("SELECT 1 FROM employees WHERE id = :id").setParameter("id", bob)
                        .getResultList().isEmpty()));

        String id = given().auth().oauth2(token("alice")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"Welcome @bob to #onboarding! cc @nobody\",\"groupId\":null}")
                .when().post("/api/posts")
                .then().statusCode(201)
                .body("authorId", equalTo(TestTokens.stableId("alice")))
                .body("mentions", equalTo(List.of(bob)))
                .body("hashtags", equalTo(List.of("onboarding")))
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = topics().exactly(Topics.FEED, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20), Duration.ofSeconds(2));
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(TestTopics.header(event, "ce_type")).isEqualTo(EventTypes.POST_PUBLISHED);
        assertThat(TestTopics.header(event, "ce_subject")).isEqualTo(id);
        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertThat(payload.get("postId").asText()).isEqualTo(id);
        assertThat(payload.get("mentions").get(0).asText()).isEqualTo(bob);
        assertThat(payload.get("audience").get(0).asText()).isEqualTo("all");

        given().auth().oauth2(token("bob")).get("/api/feed/company")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(token("bob")).get("/api/posts/" + id)
                .then().statusCode(200).body("body", containsString("#onboarding"))
                .body("authorId", equalTo(TestTokens.stableId("alice")));
    }

    @Test
    void aLeaversPostsStayShownAsAFormerEmployees() {
        announceEmployee("leaving-lou", "Ops", "Paris");
        String post = given().auth().oauth2(token("leaving-lou")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"My last day, thank you all\"}")
                .post("/api/posts").then().statusCode(201).body("authorFormer", equalTo(false)).extract().path("id");
        announceLeaver("leaving-lou", "Ops", "Paris");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token("reader-rae"))
                .get("/api/posts/" + post).then().statusCode(200).body("authorFormer", equalTo(true))
                .body("authorName", equalTo("leaving-lou Test")));
        given().auth().oauth2(token("reader-rae")).get("/api/feed/company")
                .then().body("items.find { it.id == '" + post + "' }.authorFormer", equalTo(true));
    }

    @Test
    void unsafeMarkupIsRemovedBeforeStoring() {
        given().auth().oauth2(token("mallory")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"<b>hi</b><script>alert(1)</script><img src=x onerror=alert(2)>"
                        + "<a href=\\\"javascript:alert(3)\\\">x</a>\"}")
                .post("/api/posts")
                .then().statusCode(201)
                .body("body", containsString("<b>hi</b>"))
                .body("body", not(containsString("script")))
                .body("body", not(containsString("onerror")))
                .body("body", not(containsString("javascript")));
    }

    @Test
    void aMentionHiddenInRemovedMarkupNotifiesNobody() {
        announceEmployee("ceo", "Board", "Paris");
        String ceo = TestTokens.stableId("ceo");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("SELECT 1 FROM employees WHERE id = :id").setParameter("id", ceo)
                        .getResultList().isEmpty()));
        given().auth().oauth2(token("prankster")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"hi<script>@ceo #secret</script>\"}")
                .post("/api/posts").then().statusCode(201)
                .body("mentions", equalTo(List.of())).body("hashtags", equalTo(List.of()));
        given().auth().oauth2(token("fan")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"<b>@ceo</b> thanks\"}")
                .post("/api/posts").then().statusCode(201).body("mentions", equalTo(List.of(ceo)));
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        long before = posts();
        String token = token("alice");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"UPDATE\",\"body\":\"  \"}")
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"body\":\"hello\"}")
                .post("/api/posts").then().statusCode(400).body("violations.field", hasItem("kind"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"SHOUT\",\"body\":\"hello\"}")
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("kind"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"UPDATE\",\"body\":")
                .post("/api/posts").then().statusCode(400).body("detail", containsString("JSON"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + "x".repeat(10_001) + "\"}")
                .post("/api/posts").then().statusCode(400).body("violations.field", hasItem("body"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .post("/api/posts").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"<script>only</script>\"}")
                .post("/api/posts").then().statusCode(400).body("detail", containsString("visible text"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"hello\",\"groupId\":\"no-such-group\"}")
                .post("/api/posts").then().statusCode(404).body("detail", containsString("no-such-group"));
        assertThat(posts()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndRefusedPastItAsAProblem() throws Exception {
        String token = token("chunky");
        long before = posts();
        HttpResponse<String> small = chunked(token, "{\"kind\":\"UPDATE\",\"body\":\"sent in chunks\"}");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(small.body()).contains("sent in chunks");

        HttpResponse<String> large = chunked(token,
                "{\"kind\":\"UPDATE\",\"body\":\"" + "x".repeat(1024 * 1024) + "\"}");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(large.body()).contains("\"status\":413").contains("at most");
        assertThat(posts()).isEqualTo(before + 1);
    }

    /** A body of unknown length: the client sends it with Transfer-Encoding: chunked. */
    private HttpResponse<String> chunked(String token, String json) throws Exception {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(postsUri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void anonymousAndForgedCallersAreRejected() {
        given().contentType(ContentType.JSON).body("{\"kind\":\"UPDATE\",\"body\":\"hi\"}")
                .post("/api/posts").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("eve").forged().sign()).get("/api/feed/company").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("eve").expired().sign()).get("/api/feed/company").then().statusCode(401);
    }

    @Test
    void unknownOrMalformedPostIdsAreNotFound() {
        given().auth().oauth2(token("alice")).get("/api/posts/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token("alice")).get("/api/posts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }
}
