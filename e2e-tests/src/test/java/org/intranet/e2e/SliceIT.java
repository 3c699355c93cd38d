package org.intranet.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.intranet.e2e.Stack.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The first vertical slice through all four services, with real Keycloak tokens, a real broker, PostgreSQL and
 * OpenSearch: profile just-in-time → post with a mention → company feed → search → notification.
 */
class SliceIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void aWelcomePostFlowsFromProfileToFeedSearchAndNotification() {
        String alice = Stack.token("alice");
        String bob = Stack.token("bob");

        String aliceId = as(alice, Stack.PROFILE).get("/api/profiles/me")
                .then().statusCode(200).body("username", equalTo("alice")).extract().path("id");
        String bobId = as(bob, Stack.PROFILE).get("/api/profiles/me")
                .then().statusCode(200).body("username", equalTo("bob")).extract().path("id");

        // profile events reach the other services through the broker; search seeing bob means they flowed
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(alice, Stack.SEARCH).queryParam("q", "bob").queryParam("type", "people").get("/api/search")
                        .then().statusCode(200).body("items.id", hasItem(bobId)));

        // a stack kept from an earlier run may hold older notifications for bob: start from zero unread
        as(bob, Stack.NOTIFICATION).post("/api/notifications/read-all").then().statusCode(200);

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String postId = as(alice, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPDATE", "body", "Welcome @bob to #onboarding (" + marker + ")"))
                .post("/api/posts")
                .then().statusCode(201).body("mentions", hasItem(bobId)).body("hashtags", hasItem("onboarding"))
                .extract().path("id");

        as(bob, Stack.FEED).get("/api/feed/company")
                .then().statusCode(200).body("items.id", hasItem(postId));

        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> hits = as(bob, Stack.SEARCH).queryParam("q", "onboarding")
                    .get("/api/search").then().statusCode(200).extract().path("items");
            assertThat(hits).anySatisfy(hit -> {
                assertThat(hit.get("type")).isEqualTo("post");
                assertThat(hit.get("id")).isEqualTo(postId);
                assertThat(String.valueOf(hit.get("highlights"))).contains("<em>onboarding</em>");
            });
        });
        as(bob, Stack.SEARCH).queryParam("q", "alice").get("/api/search")
                .then().statusCode(200).body("items.findAll { it.type == 'person' }.id", hasItem(aliceId));

        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(bob, Stack.NOTIFICATION).get("/api/notifications").then().statusCode(200)
                        .body("items.findAll { it.type == 'MENTION' }.postId", hasItem(postId)));
        int unread = as(bob, Stack.NOTIFICATION).get("/api/notifications/unread-count")
                .then().statusCode(200).extract().path("count");
        assertThat(unread).isEqualTo(1);
        as(alice, Stack.NOTIFICATION).get("/api/notifications").then().statusCode(200)
                .body("items.postId", org.hamcrest.Matchers.not(hasItem(postId)));
    }

    /** One real employee endpoint per service (each service's own paths, not another's). */
    private static final Map<String, String> ENDPOINTS = Map.of(
            Stack.PROFILE, "/api/profiles/me",
            Stack.FEED, "/api/feed/company",
            Stack.SEARCH, "/api/search?q=onboarding",
            Stack.NOTIFICATION, "/api/notifications/unread-count");

    @Test
    void everyServiceRefusesCallsWithoutATokenWithAProblem() {
        ENDPOINTS.forEach((base, path) -> {
            given().baseUri(base).get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
        });
    }

    @Test
    void theScimClientsTokenIsNoEmployeeAnywhereAndGetsNoProfile() {
        String scim = Stack.scimClientToken();
        ENDPOINTS.forEach((base, path) -> as(scim, base).get(path).then().statusCode(403)
                .contentType("application/problem+json"));
        as(scim, Stack.FEED).contentType(ContentType.JSON).body(Map.of("kind", "UPDATE", "body", "machine post"))
                .post("/api/posts").then().statusCode(403).contentType("application/problem+json");
        // no profile was made for the machine client: an admin looking it up finds nobody
        String claims = new String(java.util.Base64.getUrlDecoder().decode(scim.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
        assertThat(sub.find()).as("the token names its subject").isTrue();
        as(Stack.token("admin"), Stack.PROFILE).get("/api/profiles/" + sub.group(1)).then().statusCode(404);
    }

    @Test
    void anEmployeeTokenIsNotEnoughForAdminWork() {
        as(Stack.token("alice"), Stack.SEARCH).post("/api/admin/search/reindex")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
