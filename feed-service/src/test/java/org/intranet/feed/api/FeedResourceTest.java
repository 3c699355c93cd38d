package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.intranet.feed.FeedTestSupport.token;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.intranet.feed.FeedFixtures;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

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
class FeedResourceTest {
    @Inject
    EntityManager em;
    @Inject
    FeedFixtures fixtures;

    /** Stores a post with a hand-made audience, as announcements and groups will produce. */
    private String storePost(String author, String groupId, String... audience) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO posts (id, author_id, kind, body, group_id, audience, created_at, updated_at)
                VALUES (:id, :author, 'UPDATE', 'targeted', :group, CAST(:audience AS text[]), now(), now())""")
                .setParameter("id", id).setParameter("author", TestTokens.stableId(author))
                .setParameter("group", groupId)
                .setParameter("audience", "{" + String.join(",", audience) + "}").executeUpdate());
        return id.toString();
    }

    @Test
    void companyFeedPagesNewestFirstWithoutGapsOrRepeats() {
        String token = token("pager");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(0, given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"kind\":\"UPDATE\",\"body\":\"page test " + i + "\"}")
                    .post("/api/posts").then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(token).queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/feed/company");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        List<String> mine = seen.stream().filter(published::contains).toList();
        assertThat(mine).containsExactlyElementsOf(published);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void departmentTargetedPostsReachOnlyThatDepartment() {
        String post = storePost("hannah", null, "dept:Sales");
        given().auth().oauth2(TestTokens.user("sam").claim("department", "Sales").sign())
                .get("/api/feed/company?limit=100").then().body("items.id", hasItem(post));
        given().auth().oauth2(TestTokens.user("erik").claim("department", "Engineering").sign())
                .get("/api/feed/company?limit=100").then().body("items.id", not(hasItem(post)));
        given().auth().oauth2(TestTokens.user("erik").claim("department", "Engineering").sign())
                .get("/api/posts/" + post).then().statusCode(404);
        given().auth().oauth2(token("hannah")).get("/api/posts/" + post).then().statusCode(200);
    }

    @Test
    void privateGroupPostsStayWithMembers() {
        String group = fixtures.group("member1", "Secret project", "PRIVATE");
        String post = fixtures.publish("member1", "the plan", group);
        given().auth().oauth2(token("member1")).get("/api/posts/" + post).then().statusCode(200);
        // the same answer as for a post that does not exist: its existence is not the outsider's business
        given().auth().oauth2(token("outsider")).get("/api/posts/" + post).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token("outsider")).get("/api/posts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token("outsider")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"let me in\",\"groupId\":\"" + group + "\"}")
                .post("/api/posts").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("member1")).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"members only\",\"groupId\":\"" + group + "\"}")
                .post("/api/posts").then().statusCode(201);
    }

    @Test
    void aForeignCursorOrLimitIsAClearError() {
        given().auth().oauth2(token("alice")).queryParam("cursor", "garbage!").get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("alice")).queryParam("limit", 1000).get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("alice")).queryParam("limit", "ten").get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("alice")).queryParam("limit", 0).get("/api/feed/company")
                .then().statusCode(400).body("detail", equalTo("limit must be a whole number from 1 to 100"));
        String farPast = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("-9223372036854775808:" + UUID.randomUUID()).getBytes());
        given().auth().oauth2(token("alice")).queryParam("cursor", farPast).get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCursorWorksOnlyUneditedAndForWhoeverGotIt() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token("cursor-owner")).contentType(ContentType.JSON)
                    .body("{\"kind\":\"UPDATE\",\"body\":\"cursor " + i + "\"}").post("/api/posts").then().statusCode(201);
        }
        String next = given().auth().oauth2(token("cursor-owner")).queryParam("limit", 1).get("/api/feed/company")
                .then().statusCode(200).extract().path("next");
        assertThat(next).isNotNull();
        given().auth().oauth2(token("cursor-owner")).queryParam("cursor", next).get("/api/feed/company")
                .then().statusCode(200);
        given().auth().oauth2(token("someone-else")).queryParam("cursor", next).get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor is not valid"));
        String edited = (next.charAt(0) == 'A' ? 'B' : 'A') + next.substring(1);
        given().auth().oauth2(token("cursor-owner")).queryParam("cursor", edited).get("/api/feed/company")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyFeedEndpointNeedsAnEmployeesToken() {
        Denials.assertEmployeeOnly("GET", "/api/feed/company");
        Denials.assertEmployeeOnly("POST", "/api/posts");
        Denials.assertEmployeeOnly("GET", "/api/posts/" + UUID.randomUUID());
    }

    @Test
    void topicAndPersonFeedsShowAPrivateGroupPostToMembersOnly() {
        String group = fixtures.group("insider", "Roadmap crew", "PRIVATE");
        String post = fixtures.publish("insider", "next quarter #roadmap", group);
        String author = TestTokens.stableId("insider");
        given().auth().oauth2(token("insider")).get("/api/feed/topics/Roadmap?limit=100").then().statusCode(200)
                .body("items.id", hasItem(post));
        given().auth().oauth2(token("insider")).get("/api/feed/people/" + author + "?limit=100").then()
                .body("items.id", hasItem(post));
        given().auth().oauth2(token("topic-outsider")).get("/api/feed/topics/roadmap?limit=100").then()
                .statusCode(200).body("items.id", not(hasItem(post)));
        given().auth().oauth2(token("topic-outsider")).get("/api/feed/people/" + author + "?limit=100").then()
                .statusCode(200).body("items.id", not(hasItem(post)));
        given().auth().oauth2(token("topic-outsider")).get("/api/feed/topics/not a tag").then().statusCode(400);
    }
}
