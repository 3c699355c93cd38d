package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.intranet.feed.FeedTestSupport.json;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class GroupResourceTest {
    @Inject
    FeedFixtures fixtures;

    private static String admin() {
        return TestTokens.user("gr-admin").roles("employee", "admin").sign();
    }

    private List<ConsumerRecord<String, String>> events(String groupId, String type, int count) {
        return topics().exactly(Topics.FEED, r -> groupId.equals(r.key()) && type.equals(TestTopics.header(r,
                "ce_type")), count, Duration.ofSeconds(20), Duration.ofSeconds(2));
    }

    @Test
    void theCreatorOwnsANewGroupAndItsEventsCarryTheMembership() {
        String id = given().auth().oauth2(token("gr-creator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Kafka guild\",\"description\":\"Streams\",\"visibility\":\"PRIVATE\"}")
                .post("/api/groups").then().statusCode(201)
                .body("myRole", equalTo("OWNER")).body("memberCount", equalTo(1))
                .body("visibility", equalTo("PRIVATE")).extract().path("id");
        assertThat(json(events(id, EventTypes.GROUP_CREATED, 1).get(0)).get("name").asText()).isEqualTo("Kafka guild");
        JsonNode added = json(events(id, EventTypes.MEMBER_ADDED, 1).get(0));
        assertThat(added.get("employeeId").asText()).isEqualTo(TestTokens.stableId("gr-creator"));
        assertThat(added.get("role").asText()).isEqualTo("OWNER");
        given().auth().oauth2(token("gr-creator")).get("/api/groups/" + id + "/members").then().statusCode(200)
                .body("items.employeeId", equalTo(List.of(TestTokens.stableId("gr-creator"))))
                .body("items.role", equalTo(List.of("OWNER")));
    }

    @Test
    void aPrivateGroupDoesNotExistForANonMember() {
        String id = fixtures.group("gr-private-owner", "Board room", "PRIVATE");
        String post = fixtures.publish("gr-private-owner", "quarterly numbers", id);
        String outsider = token("gr-nosy");
        for (String path : List.of("/api/groups/" + id, "/api/groups/" + id + "/members",
                "/api/groups/" + id + "/feed", "/api/posts/" + post, "/api/posts/" + post + "/history")) {
            given().auth().oauth2(outsider).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        // joining uninvited, posting, or listing it: as if there were no such group
        fixtures.employee("gr-nosy");
        given().auth().oauth2(outsider).put("/api/groups/" + id + "/members/" + TestTokens.stableId("gr-nosy"))
                .then().statusCode(404);
        given().auth().oauth2(outsider).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"hello\",\"groupId\":\"" + id + "\"}").post("/api/posts")
                .then().statusCode(403);
        given().auth().oauth2(outsider).queryParam("limit", 100).get("/api/groups").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(outsider).queryParam("limit", 100).get("/api/feed/people/"
                + TestTokens.stableId("gr-private-owner")).then().body("items.id", not(hasItem(post)));
        // its members see all of it
        given().auth().oauth2(token("gr-private-owner")).get("/api/groups/" + id + "/feed").then().statusCode(200)
                .body("items.id", hasItem(post)).body("items[0].groupName", equalTo("Board room"));
    }

    @Test
    void anyoneJoinsAPublicGroupOnceAndTheLastOwnerCannotLeave() {
        String id = fixtures.group("gr-pub-owner", "Runners", "PUBLIC");
        String joiner = fixtures.employee("gr-joiner");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("gr-joiner")).put("/api/groups/" + id + "/members/" + joiner)
                    .then().statusCode(200).body("role", equalTo("MEMBER"));
        }
        assertThat(events(id, EventTypes.MEMBER_ADDED, 2)).hasSize(2); // the owner's and the joiner's: one each
        given().auth().oauth2(token("gr-joiner")).get("/api/groups/" + id).then().body("memberCount", equalTo(2))
                .body("myRole", equalTo("MEMBER"));
        // a member cannot add someone else, nor make themselves owner
        String third = fixtures.employee("gr-third");
        given().auth().oauth2(token("gr-joiner")).put("/api/groups/" + id + "/members/" + third)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("gr-joiner")).queryParam("role", "OWNER")
                .put("/api/groups/" + id + "/members/" + joiner).then().statusCode(403);

        String owner = TestTokens.stableId("gr-pub-owner");
        given().auth().oauth2(token("gr-pub-owner")).delete("/api/groups/" + id + "/members/" + owner)
                .then().statusCode(409).body("detail", containsString("last owner"));
        given().auth().oauth2(token("gr-pub-owner")).queryParam("role", "OWNER")
                .put("/api/groups/" + id + "/members/" + joiner).then().statusCode(200).body("role", equalTo("OWNER"));
        given().auth().oauth2(token("gr-pub-owner")).delete("/api/groups/" + id + "/members/" + owner)
                .then().statusCode(204);
        given().auth().oauth2(token("gr-pub-owner")).delete("/api/groups/" + id + "/members/" + owner)
                .then().statusCode(204);
        assertThat(json(events(id, EventTypes.MEMBER_REMOVED, 1).get(0)).get("employeeId").asText()).isEqualTo(owner);
        given().auth().oauth2(token("gr-joiner")).get("/api/groups/" + id).then().body("memberCount", equalTo(1));
    }

    @Test
    void ownersAddPeopleToAPrivateGroupAndMembersThenSeeItsPosts() {
        String id = fixtures.group("gr-team-owner", "Team", "PRIVATE");
        String post = fixtures.publish("gr-team-owner", "team plans", id);
        given().auth().oauth2(token("gr-newcomer")).get("/api/posts/" + post).then().statusCode(404);
        fixtures.addMember("gr-team-owner", id, "gr-newcomer");
        given().auth().oauth2(token("gr-newcomer")).get("/api/posts/" + post).then().statusCode(200);
        // a member who is not an owner removes nobody else
        fixtures.addMember("gr-team-owner", id, "gr-other");
        given().auth().oauth2(token("gr-newcomer")).delete("/api/groups/" + id + "/members/"
                + TestTokens.stableId("gr-other")).then().statusCode(403);
        // an unknown person cannot be added
        given().auth().oauth2(token("gr-team-owner")).put("/api/groups/" + id + "/members/nobody-at-all")
                .then().statusCode(404).body("detail", containsString("nobody-at-all"));
    }

    @Test
    void ownersAndAdminsEditAGroupAndAPublicGroupCannotTurnPrivate() {
        String id = fixtures.group("gr-edit-owner", "Old name", "PRIVATE");
        fixtures.addMember("gr-edit-owner", id, "gr-edit-member");
        given().auth().oauth2(token("gr-edit-member")).contentType(ContentType.JSON).body("{\"name\":\"Mine\"}")
                .patch("/api/groups/" + id).then().statusCode(403);
        given().auth().oauth2(token("gr-edit-outsider")).contentType(ContentType.JSON).body("{\"name\":\"Mine\"}")
                .patch("/api/groups/" + id).then().statusCode(404);
        given().auth().oauth2(token("gr-edit-owner")).contentType(ContentType.JSON)
                .body("{\"name\":\"New name\",\"description\":\"What we do\"}").patch("/api/groups/" + id)
                .then().statusCode(200).body("name", equalTo("New name")).body("description", equalTo("What we do"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"description\":\"\"}")
                .patch("/api/groups/" + id).then().statusCode(200).body("description", nullValue());
        assertThat(events(id, EventTypes.GROUP_UPDATED, 2)).hasSize(2);

        String post = fixtures.publish("gr-edit-owner", "from when it was private", id);
        given().auth().oauth2(token("gr-edit-outsider")).get("/api/posts/" + post).then().statusCode(404);
        given().auth().oauth2(token("gr-edit-owner")).contentType(ContentType.JSON)
                .body("{\"visibility\":\"PUBLIC\"}").patch("/api/groups/" + id).then().statusCode(200);
        given().auth().oauth2(token("gr-edit-outsider")).get("/api/posts/" + post).then().statusCode(200);
        given().auth().oauth2(token("gr-edit-owner")).contentType(ContentType.JSON)
                .body("{\"visibility\":\"PRIVATE\"}").patch("/api/groups/" + id).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void groupsListByNameWithMineAndDiscoverAndPageWithTheCursor() {
        String prefix = "Zz list " + UUID.randomUUID().toString().substring(0, 8);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(fixtures.group("gr-lister", prefix + " " + i, "PUBLIC"));
        }
        String hidden = fixtures.group("gr-other-owner", prefix + " hidden", "PRIVATE");
        String open = fixtures.group("gr-other-owner", prefix + " open", "PUBLIC");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(token("gr-lister")).queryParam("membership", "mine")
                    .queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor).get("/api/groups");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(seen).containsAll(made).doesNotContain(hidden, open).doesNotHaveDuplicates();
        given().auth().oauth2(token("gr-lister")).queryParam("membership", "discover").queryParam("limit", 100)
                .get("/api/groups").then().body("items.id", hasItem(open)).body("items.id", not(hasItem(hidden)))
                .body("items.id", not(hasItem(made.get(0))));
    }

    @Test
    void badGroupInputIsAClearError() {
        given().auth().oauth2(token("gr-bad")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"visibility\":\"SECRET\"}").post("/api/groups").then().statusCode(400)
                .body("violations.field", hasItem("visibility"));
        given().auth().oauth2(token("gr-bad")).contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"visibility\":\"PUBLIC\"}").post("/api/groups").then().statusCode(400)
                .body("violations.field", hasItem("name"));
        given().auth().oauth2(token("gr-bad")).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "n".repeat(121) + "\",\"visibility\":\"PUBLIC\"}").post("/api/groups")
                .then().statusCode(400);
        given().auth().oauth2(token("gr-bad")).queryParam("membership", "everything").get("/api/groups")
                .then().statusCode(400).contentType("application/problem+json");
        String id = fixtures.group("gr-bad", "Bad role", "PUBLIC");
        given().auth().oauth2(token("gr-bad")).queryParam("role", "KING")
                .put("/api/groups/" + id + "/members/" + TestTokens.stableId("gr-bad")).then().statusCode(400);
    }

    @Test
    void everyGroupEndpointNeedsAnEmployeeToken() {
        Denials.assertEmployeeOnly("GET", "/api/groups");
        Denials.assertEmployeeOnly("POST", "/api/groups");
        Denials.assertEmployeeOnly("GET", "/api/groups/g1");
        Denials.assertEmployeeOnly("PATCH", "/api/groups/g1");
        Denials.assertEmployeeOnly("GET", "/api/groups/g1/members");
        Denials.assertEmployeeOnly("PUT", "/api/groups/g1/members/someone");
        Denials.assertEmployeeOnly("DELETE", "/api/groups/g1/members/someone");
        Denials.assertEmployeeOnly("GET", "/api/groups/g1/feed");
    }
}
