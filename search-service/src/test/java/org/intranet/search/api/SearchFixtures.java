package org.intranet.search.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Events as feed-service and profile-service publish them, and searches as clients send them. */
final class SearchFixtures {
    static final Duration INDEXED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchFixtures() {
    }

    static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
    }

    static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static RequestSpecification as(String user, String department) {
        TestTokens token = TestTokens.user(user).roles("employee");
        if (department != null) {
            token.claim("department", department);
        }
        return given().auth().oauth2(token.sign());
    }

    static JsonPath search(RequestSpecification request, String q) {
        return request.queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitHit(RequestSpecification request, String q, String id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            last[0] = search(request, q);
            assertThat(last[0].getList("items.id")).contains(id);
        });
        return last[0];
    }

    /** Waits for a document that was found to stop being found (removed, or no longer visible to this caller). */
    static void awaitNoHit(RequestSpecification request, String q, String id) {
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(search(request, q).getList("items.id")).doesNotContain(id));
    }

    /** Called after something proved the document is indexed, so an absence is a real denial. */
    static void assertNoHit(RequestSpecification request, String q, String id) {
        assertThat(search(request, q).getList("items.id")).doesNotContain(id);
    }

    static Map<String, Object> item(JsonPath page, String id) {
        return page.getMap("items.find { it.id == '" + id + "' }");
    }

    static io.restassured.response.ValidatableResponse problem(RequestSpecification request, int status) {
        return request.get("/api/search").then().statusCode(status)
                .contentType("application/problem+json");
    }

    static String employee(String username, String displayName, String department, String location,
            String status, long version) {
        String id = TestTokens.stableId(username);
        sendEmployee(id, id, username, displayName, null, department, status, version, location);
        return id;
    }

    static void sendEmployee(String key, String id, String username, String displayName, String title,
            String department, String status, long version) {
        sendEmployee(key, id, username, displayName, title, department, status, version, "Paris");
    }

    static void sendEmployee(String key, String id, String username, String displayName, String title,
            String department, String status, long version, String location) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", id);
        snapshot.put("username", username);
        snapshot.put("displayName", displayName);
        snapshot.put("email", username + "@example.com");
        snapshot.put("title", title);
        snapshot.put("department", department);
        snapshot.put("location", location);
        snapshot.put("managerId", null);
        snapshot.put("skills", List.of("kafka"));
        snapshot.put("status", status);
        snapshot.put("version", version);
        snapshot.put("updatedAt", Instant.now().toString());
        topics().send(Topics.PROFILE, key, write(snapshot), TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                version <= 1 ? EventTypes.EMPLOYEE_CREATED : EventTypes.EMPLOYEE_UPDATED, EventTypes.PROFILE_SOURCE,
                id));
    }

    /** A membership change as feed-service publishes it: keyed by group id, so one group's changes stay in order. */
    static void membership(String type, String groupId, String username) {
        Map<String, Object> membership = new LinkedHashMap<>();
        membership.put("groupId", groupId);
        membership.put("employeeId", TestTokens.stableId(username));
        membership.put("role", "MEMBER");
        membership.put("visibility", "PRIVATE");
        membership.put("by", TestTokens.stableId(username));
        membership.put("at", Instant.now().toString());
        sendFeedEvent(groupId, type, membership);
    }

    /** A feed event whose subject is its key (the post id, or the group id for membership). */
    static void sendFeedEvent(String key, String type, Map<String, Object> payload) {
        topics().send(Topics.FEED, key, write(payload), TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                type, EventTypes.FEED_SOURCE, key));
    }

    static String post(String authorId, String body, List<String> audience, List<String> hashtags) {
        return post(authorId, body, audience, hashtags, "UPDATE");
    }

    static String post(String authorId, String body, List<String> audience, List<String> hashtags,
            String kind) {
        String postId = UUID.randomUUID().toString();
        return sendPost(postId, postId, authorId, body, audience, hashtags, kind, UUID.randomUUID().toString());
    }

    static String sendPost(String key, String postId, String authorId, String body, List<String> audience,
            List<String> hashtags, String kind, String eventId) {
        topics().send(Topics.FEED, key, postJson(postId, authorId, body, audience, hashtags, kind),
                TestTopics.cloudEventHeaders(eventId, EventTypes.POST_PUBLISHED, EventTypes.FEED_SOURCE, postId));
        return postId;
    }

    static String postJson(String postId, String authorId, String body, List<String> audience,
            List<String> hashtags, String kind) {
        return write(postPayload(postId, authorId, body, audience, hashtags, kind, null, Instant.now()));
    }

    /** {@code post.published}'s payload as feed-service writes it. */
    static Map<String, Object> postPayload(String postId, String authorId, String body, List<String> audience,
            List<String> hashtags, String kind, String groupId, Instant createdAt) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("postId", postId);
        post.put("authorId", authorId);
        post.put("kind", kind);
        post.put("body", body);
        post.put("groupId", groupId);
        post.put("audience", audience);
        post.put("mentions", List.of());
        post.put("hashtags", hashtags);
        post.put("createdAt", createdAt.toString());
        return post;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A post as feed-service publishes it, with every field a test may vary. */
    static String publish(String authorId, String body, List<String> audience, List<String> hashtags, String kind,
            String groupId, Instant createdAt) {
        String postId = UUID.randomUUID().toString();
        sendFeedEvent(postId, EventTypes.POST_PUBLISHED,
                postPayload(postId, authorId, body, audience, hashtags, kind, groupId, createdAt));
        return postId;
    }

    /** {@code comment.added}, {@code .edited} or {@code .deleted}, keyed by its post as feed-service keys it. */
    static void comment(String type, String postId, String commentId, String authorId, String body,
            List<String> audience) {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("commentId", commentId);
        comment.put("postId", postId);
        comment.put("authorId", authorId);
        comment.put("body", body);
        comment.put("audience", audience);
        comment.put("mentions", List.of());
        comment.put("at", Instant.now().toString());
        sendFeedEvent(postId, type, comment);
    }

    /** What follows an announcement's {@code post.published}: must-read, pinning and expiry. */
    static void announced(String postId, String authorId, List<String> audience, boolean mustRead,
            Instant expiresAt) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("postId", postId);
        a.put("authorId", authorId);
        a.put("audience", audience);
        a.put("mustRead", mustRead);
        a.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        a.put("body", "");
        a.put("publishedAt", Instant.now().toString());
        sendFeedEvent(postId, EventTypes.ANNOUNCEMENT_PUBLISHED, a);
    }

    static void group(String groupId, String name, String visibility, long version) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("groupId", groupId);
        g.put("name", name);
        g.put("description", "About " + name);
        g.put("visibility", visibility);
        g.put("memberCount", 1);
        g.put("version", version);
        g.put("at", Instant.now().toString());
        sendFeedEvent(groupId, version == 1 ? EventTypes.GROUP_CREATED : EventTypes.GROUP_UPDATED, g);
    }

    static JsonPath suggest(RequestSpecification request, String q) {
        return request.queryParam("q", q).get("/api/search/suggest").then().statusCode(200).extract().jsonPath();
    }
}
