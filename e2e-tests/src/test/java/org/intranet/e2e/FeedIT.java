package org.intranet.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.intranet.e2e.Stack.as;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * feed-service part 1 through the running stack with real Keycloak tokens: a private group whose posts reach its
 * members (feed, search, notifications) and nobody else; follows that fill the materialised home feed; comments,
 * reactions, edits with history, and a deletion that empties the home feed again.
 */
class FeedIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    @Test
    void groupsFollowsAndConversationsWorkThroughTheStack() {
        String alice = Stack.token("alice");
        String bob = Stack.token("bob");
        String hannah = Stack.token("hannah");
        String aliceId = as(alice, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200).extract().path("id");
        String bobId = as(bob, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200).extract().path("id");
        as(hannah, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200);
        String marker = UUID.randomUUID().toString().substring(0, 8);

        // a private group: hannah adds bob once feed-service has his profile
        String group = as(hannah, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("name", "Launch team " + marker, "visibility", "PRIVATE"))
                .post("/api/groups").then().statusCode(201).extract().path("id");
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(hannah, Stack.FEED).put("/api/groups/" + group + "/members/" + bobId).then().statusCode(200));
        as(bob, Stack.NOTIFICATION).post("/api/notifications/read-all").then().statusCode(200);
        String secret = as(hannah, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPDATE", "body", "@bob the launch date is #" + marker, "groupId", group))
                .post("/api/posts").then().statusCode(201).extract().path("id");

        as(bob, Stack.FEED).get("/api/groups/" + group + "/feed").then().statusCode(200)
                .body("items.id", hasItem(secret));
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.FEED).get("/api/feed/home").then().statusCode(200).body("items.id", hasItem(secret)));
        as(alice, Stack.FEED).get("/api/posts/" + secret).then().statusCode(404);
        as(alice, Stack.FEED).get("/api/groups/" + group).then().statusCode(404);
        // membership events let search and notifications keep the group private too
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.SEARCH).queryParam("q", marker).get("/api/search").then().statusCode(200)
                        .body("items.id", hasItem(secret)));
        as(alice, Stack.SEARCH).queryParam("q", marker).get("/api/search").then().statusCode(200)
                .body("items.id", not(hasItem(secret)));
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.NOTIFICATION).get("/api/notifications").then().statusCode(200)
                        .body("items.postId", hasItem(secret)));

        // alice follows bob: his new post comes into her home feed
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(alice, Stack.FEED).put("/api/follows/people/" + bobId).then().statusCode(204));
        as(alice, Stack.FEED).get("/api/feed/home").then().statusCode(200);
        String update = as(bob, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPDATE", "body", "shipping today " + marker))
                .post("/api/posts").then().statusCode(201).extract().path("id");
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(alice, Stack.FEED).get("/api/feed/home").then().statusCode(200).body("items.id", hasItem(update)));

        // a conversation on it
        as(alice, Stack.FEED).contentType(ContentType.JSON).body(Map.of("body", "congratulations!"))
                .post("/api/posts/" + update + "/comments").then().statusCode(201);
        as(alice, Stack.FEED).put("/api/posts/" + update + "/reactions/CELEBRATE").then().statusCode(200);
        as(bob, Stack.FEED).contentType(ContentType.JSON).body(Map.of("body", "shipped today " + marker))
                .patch("/api/posts/" + update).then().statusCode(200).body("edited", equalTo(true));
        as(alice, Stack.FEED).get("/api/posts/" + update).then().statusCode(200)
                .body("commentCount", equalTo(1)).body("reactions.CELEBRATE", equalTo(1))
                .body("myReaction", equalTo("CELEBRATE"));
        as(alice, Stack.FEED).get("/api/posts/" + update + "/history").then().statusCode(200)
                .body("items.revision", equalTo(java.util.List.of(2, 1)));
        as(bob, Stack.FEED).get("/api/follows/people/" + bobId).then().body("followers", org.hamcrest.Matchers
                .greaterThanOrEqualTo(1));

        // deleted: gone from her home feed at once
        as(alice, Stack.FEED).delete("/api/posts/" + update).then().statusCode(403);
        as(bob, Stack.FEED).delete("/api/posts/" + update).then().statusCode(204);
        as(alice, Stack.FEED).get("/api/feed/home").then().statusCode(200).body("items.id", not(hasItem(update)));
        as(alice, Stack.FEED).delete("/api/follows/people/" + bobId).then().statusCode(204);
        as(alice, Stack.FEED).get("/api/follows").then().statusCode(200).body("items.id", not(hasItem(bobId)));
        as(alice, Stack.FEED).get("/api/follows/people/" + aliceId).then().statusCode(200);
    }

    @Test
    void kudosReachTheRecipientTheirHomeFeedTheWallAndTheirNotifications() {
        String alice = Stack.token("alice");
        String bob = Stack.token("bob");
        as(alice, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200);
        String bobId = as(bob, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200).extract().path("id");
        as(bob, Stack.FEED).get("/api/feed/home").then().statusCode(200);
        String value = as(alice, Stack.FEED).get("/api/recognition/values").then().statusCode(200)
                .extract().path("values[0].name");

        // feed-service must know bob before he can be recognised: his profile event may still be on its way
        String kudos = await().atMost(EVENTUALLY).pollInterval(POLL).until(() -> as(alice, Stack.FEED)
                .contentType(ContentType.JSON).body(Map.of("kind", "RECOGNITION", "body", "Thank you, Bob!",
                        "recipients", java.util.List.of(bobId), "value", value)).post("/api/posts"),
                r -> r.statusCode() == 201).then().extract().path("id");

        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.FEED).get("/api/feed/home").then().statusCode(200).body("items.id", hasItem(kudos)));
        as(bob, Stack.FEED).get("/api/recognition/people/" + bobId).then().statusCode(200)
                .body("items.id", hasItem(kudos));
        as(bob, Stack.FEED).queryParam("period", "week").get("/api/recognition").then().statusCode(200)
                .body("items.employee.id", hasItem(bobId));
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.NOTIFICATION).get("/api/notifications").then().statusCode(200)
                        .body("items.find { it.postId == '" + kudos + "' }.type", equalTo("RECOGNITION")));
    }

    @Test
    void anHrAnnouncementReachesItsAudienceWhoAcknowledgeAndHrSeesTheReach() {
        String alice = Stack.token("alice");
        String bob = Stack.token("bob");
        String hannah = Stack.token("hannah");
        as(alice, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200);
        String bobId = as(bob, Stack.PROFILE).get("/api/profiles/me").then().statusCode(200).extract().path("id");
        as(bob, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNOUNCEMENT", "body", "not mine to send", "audience", Map.of("everyone", true)))
                .post("/api/posts").then().statusCode(403);
        String id = as(hannah, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNOUNCEMENT", "body", "Please read the new travel policy",
                        "audience", Map.of("everyone", true), "mustRead", true))
                .post("/api/posts").then().statusCode(201).extract().path("id");

        as(bob, Stack.FEED).get("/api/announcements").then().statusCode(200).body("items.id", hasItem(id));
        as(bob, Stack.FEED).get("/api/feed/home").then().statusCode(200).body("items.id", hasItem(id));
        as(bob, Stack.FEED).post("/api/announcements/" + id + "/ack").then().statusCode(200);
        as(bob, Stack.FEED).get("/api/announcements/" + id + "/reach").then().statusCode(403);
        // reach counts the audience feed-service knows: bob's acknowledgement shows once his profile event arrived
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(hannah, Stack.FEED).get("/api/announcements/" + id + "/reach").then().statusCode(200)
                        .body("acknowledged", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        // feed-service's read-copy may not hold alice yet; once it does she is pending, bob never is
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            String csv = as(hannah, Stack.FEED).accept("text/csv").get("/api/announcements/" + id + "/pending")
                    .then().statusCode(200).extract().asString();
            org.assertj.core.api.Assertions.assertThat(csv).contains(",alice,").doesNotContain(bobId);
        });
        // search indexes it under its audience
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(bob, Stack.SEARCH).queryParam("q", "travel policy").get("/api/search").then().statusCode(200)
                        .body("items.id", hasItem(id)));
    }
}
