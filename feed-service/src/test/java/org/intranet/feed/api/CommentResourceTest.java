package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.intranet.feed.FeedTestSupport.announceEmployee;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
class CommentResourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    FeedFixtures fixtures;

    @Test
    void commentsAreListedOldestFirstAndPagedWithACursor() {
        String post = publish("pia", "Thoughts on the offsite?");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(comment("quinn", post, "comment " + i, null).then().statusCode(201)
                    .body("postId", equalTo(post)).body("parentId", nullValue())
                    .body("authorId", equalTo(TestTokens.stableId("quinn")))
                    .body("authorName", equalTo("Quinn Test")).body("authorHandle", equalTo("quinn"))
                    .body("body", equalTo("comment " + i)).body("edited", equalTo(false))
                    .body("replyCount", equalTo(0)).body("myReaction", nullValue())
                    .extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = given().auth().oauth2(token("pia")).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(comments(post));
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null);
        // newest last, every comment once, in three pages of 2, 2 and 1
        assertThat(seen).containsExactlyElementsOf(added);
        assertThat(pages).isEqualTo(3);
        assertThat(commentCount(post)).isEqualTo(5);
        topics().exactly(Topics.FEED, r -> post.equals(r.key()) && EventTypes.COMMENT_ADDED.equals(type(r)), 5,
                TIMEOUT, SETTLE);
    }

    @Test
    void aBadOrForeignCursorIsRefused() {
        String post = publish("rhea", "cursor post");
        comment("rhea", post, "one", null).then().statusCode(201);
        comment("rhea", post, "two", null).then().statusCode(201);
        String next = given().auth().oauth2(token("rhea")).queryParam("limit", 1).get(comments(post))
                .then().statusCode(200).extract().path("next");
        assertThat(next).isNotNull();
        given().auth().oauth2(token("rhea")).queryParam("cursor", next).get(comments(post))
                .then().statusCode(200).body("items.body", equalTo(List.of("two"))).body("next", nullValue());
        given().auth().oauth2(token("sven")).queryParam("cursor", next).get(comments(post))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor is not valid"));
        given().auth().oauth2(token("rhea")).queryParam("cursor", "garbage!").get(comments(post))
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("rhea")).queryParam("limit", 0).get(comments(post))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aReplyIsListedUnderItsParentAndCounted() throws Exception {
        String post = publish("tara", "Lunch ideas");
        String top = comment("uma", post, "Tacos", null).then().statusCode(201).extract().path("id");
        String reply = comment("tara", post, "Yes!", top).then().statusCode(201)
                .body("parentId", equalTo(top)).extract().path("id");
        given().auth().oauth2(token("uma")).get(comments(post)).then().statusCode(200)
                .body("items.id", equalTo(List.of(top))).body("items[0].replyCount", equalTo(1));
        given().auth().oauth2(token("uma")).queryParam("parentId", top).get(comments(post)).then().statusCode(200)
                .body("items.id", equalTo(List.of(reply))).body("next", nullValue());
        assertThat(commentCount(post)).isEqualTo(2);

        ConsumerRecord<String, String> added = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && EventTypes.COMMENT_ADDED.equals(type(r)) && r.value().contains(reply), 1, TIMEOUT, SETTLE).get(0);
        JsonNode payload = JSON.readTree(added.value());
        assertThat(payload.get("commentId").asText()).isEqualTo(reply);
        assertThat(payload.get("parentId").asText()).isEqualTo(top);
        assertThat(payload.get("parentAuthorId").asText()).isEqualTo(TestTokens.stableId("uma"));
        assertThat(payload.get("postAuthorId").asText()).isEqualTo(TestTokens.stableId("tara"));
        assertThat(payload.get("audience").get(0).asText()).isEqualTo("all");
    }

    @Test
    void aReplyToAReplyOrToAnotherPostsCommentIsRefusedAndNothingIsStoredOrPublished() {
        String post = publish("vera", "Threads");
        String other = publish("vera", "Another post");
        String top = comment("vera", post, "top", null).then().statusCode(201).extract().path("id");
        String reply = comment("walt", post, "reply", top).then().statusCode(201).extract().path("id");
        String elsewhere = comment("walt", other, "elsewhere", null).then().statusCode(201).extract().path("id");

        comment("walt", post, "reply to a reply", reply).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("one level of replies"));
        comment("walt", post, "reply across posts", elsewhere).then().statusCode(400)
                .contentType("application/problem+json");
        comment("walt", post, "reply to nothing", UUID.randomUUID().toString()).then().statusCode(400);
        given().auth().oauth2(token("walt")).contentType(ContentType.JSON)
                .body("{\"body\":\"bad parent\",\"parentId\":\"not-a-uuid\"}").post(comments(post))
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("walt")).queryParam("parentId", reply).get(comments(post))
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(commentCount(post)).isEqualTo(2);
        assertThat(liveComments(post)).isEqualTo(2);
        String marker = comment("vera", post, "marker", null).then().statusCode(201).extract().path("id");
        assertOnlyPublished(post, marker, EventTypes.COMMENT_ADDED, EventTypes.COMMENT_ADDED,
                EventTypes.COMMENT_ADDED);
    }

    @Test
    void onlyItsAuthorEditsAComment() throws Exception {
        String post = publish("xena", "Edit me");
        String id = comment("yuri", post, "frist", null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("xena")).contentType(ContentType.JSON).body("{\"body\":\"hijacked\"}")
                .patch(comments(post) + "/" + id).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("yuri")).contentType(ContentType.JSON).body("{\"body\":\"<b>first</b>\"}")
                .patch(comments(post) + "/" + id).then().statusCode(200)
                .body("body", equalTo("<b>first</b>")).body("edited", equalTo(true))
                .body("editedAt", notNullValue());
        given().auth().oauth2(token("xena")).get(comments(post)).then().statusCode(200)
                .body("items[0].body", equalTo("<b>first</b>")).body("items[0].edited", equalTo(true));

        List<ConsumerRecord<String, String>> events = assertOnlyPublished(post, null, EventTypes.COMMENT_ADDED,
                EventTypes.COMMENT_EDITED);
        JsonNode edited = JSON.readTree(events.get(1).value());
        assertThat(edited.get("commentId").asText()).isEqualTo(id);
        assertThat(edited.get("body").asText()).isEqualTo("<b>first</b>");
    }

    @Test
    void theCommentsAuthorThePostsAuthorOrAnAdminMayDeleteItAndNobodyElse() {
        String post = publish("zack", "Delete test");
        String byAuthor = comment("abby", post, "mine", null).then().statusCode(201).extract().path("id");
        String byPostAuthor = comment("abby", post, "off topic", null).then().statusCode(201).extract().path("id");
        String byAdmin = comment("abby", post, "spam", null).then().statusCode(201).extract().path("id");
        String kept = comment("abby", post, "keep", null).then().statusCode(201).extract().path("id");
        assertThat(commentCount(post)).isEqualTo(4);

        given().auth().oauth2(token("brad")).delete(comments(post) + "/" + kept).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token("abby")).delete(comments(post) + "/" + byAuthor).then().statusCode(204);
        given().auth().oauth2(token("zack")).delete(comments(post) + "/" + byPostAuthor).then().statusCode(204);
        given().auth().oauth2(TestTokens.user("root").roles("employee", "admin").sign())
                .delete(comments(post) + "/" + byAdmin).then().statusCode(204);

        assertThat(commentCount(post)).isEqualTo(1);
        given().auth().oauth2(token("brad")).get(comments(post)).then().statusCode(200)
                .body("items.id", equalTo(List.of(kept)));
        // a deleted comment is gone: neither edited, deleted again, nor listed as a thread
        given().auth().oauth2(token("abby")).contentType(ContentType.JSON).body("{\"body\":\"back\"}")
                .patch(comments(post) + "/" + byAuthor).then().statusCode(404);
        given().auth().oauth2(token("abby")).delete(comments(post) + "/" + byAuthor).then().statusCode(404);
        given().auth().oauth2(token("abby")).queryParam("parentId", byAuthor).get(comments(post))
                .then().statusCode(404);
        String[] expected = { EventTypes.COMMENT_ADDED, EventTypes.COMMENT_ADDED, EventTypes.COMMENT_ADDED,
                EventTypes.COMMENT_ADDED, EventTypes.COMMENT_DELETED, EventTypes.COMMENT_DELETED,
                EventTypes.COMMENT_DELETED };
        List<ConsumerRecord<String, String>> events = assertOnlyPublished(post, null, expected);
        assertThat(events.get(5).value()).contains(byPostAuthor).contains(TestTokens.stableId("zack"));
    }

    @Test
    void deletingATopLevelCommentDeletesItsReplies() {
        String post = publish("cleo", "Parent and children");
        String top = comment("dina", post, "top", null).then().statusCode(201).extract().path("id");
        comment("cleo", post, "reply 1", top).then().statusCode(201);
        comment("eric", post, "reply 2", top).then().statusCode(201);
        String other = comment("eric", post, "other", null).then().statusCode(201).extract().path("id");
        String otherReply = comment("dina", post, "other reply", other).then().statusCode(201).extract().path("id");
        assertThat(commentCount(post)).isEqualTo(5);

        given().auth().oauth2(token("dina")).delete(comments(post) + "/" + top).then().statusCode(204);
        assertThat(commentCount(post)).isEqualTo(2);
        assertThat(liveComments(post)).isEqualTo(2);
        given().auth().oauth2(token("cleo")).get(comments(post)).then().body("items.id", equalTo(List.of(other)));
        given().auth().oauth2(token("cleo")).queryParam("parentId", top).get(comments(post)).then().statusCode(404);

        // deleting a reply takes one off the post and off its parent
        given().auth().oauth2(token("dina")).delete(comments(post) + "/" + otherReply).then().statusCode(204);
        assertThat(commentCount(post)).isEqualTo(1);
        given().auth().oauth2(token("cleo")).get(comments(post)).then().body("items[0].replyCount", equalTo(0));
        topics().exactly(Topics.FEED, r -> post.equals(r.key()) && EventTypes.COMMENT_DELETED.equals(type(r)), 4,
                TIMEOUT, SETTLE);
    }

    @Test
    void aMentionInACommentIsResolvedAndAnEditWorksItOutAgain() throws Exception {
        announceEmployee("fiona", "Sales", "Paris");
        String fiona = TestTokens.stableId("fiona");
        await().atMost(TIMEOUT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("SELECT 1 FROM employees WHERE id = :id").setParameter("id", fiona)
                        .getResultList().isEmpty()));
        String post = publish("gabe", "Who knows the answer?");
        String id = comment("gabe", post, "@fiona does, and maybe @nobody-yet", null).then().statusCode(201)
                .body("mentions", equalTo(List.of(fiona))).extract().path("id");
        assertThat(pendingHandles(id)).containsExactly("nobody-yet");
        // read as the mentioned person sees it: the author's name and handle come from the read-copy
        given().auth().oauth2(token("fiona")).contentType(ContentType.JSON).body("{\"body\":\"thanks @gabe\"}")
                .post(comments(post)).then().statusCode(201).body("authorName", equalTo("fiona Test"))
                .body("authorHandle", equalTo("fiona"));

        ConsumerRecord<String, String> added = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && EventTypes.COMMENT_ADDED.equals(type(r)) && r.value().contains(id), 1, TIMEOUT, SETTLE).get(0);
        assertThat(JSON.readTree(added.value()).get("mentions").get(0).asText()).isEqualTo(fiona);

        given().auth().oauth2(token("gabe")).contentType(ContentType.JSON).body("{\"body\":\"never mind, @ghost\"}")
                .patch(comments(post) + "/" + id).then().statusCode(200).body("mentions", empty());
        assertThat(pendingHandles(id)).containsExactly("ghost");
    }

    @Test
    void badBodiesAreRefusedWithAProblemAndNothingIsStoredOrPublished() {
        String post = publish("hugo", "Bad input");
        String id = comment("hugo", post, "fine", null).then().statusCode(201).extract().path("id");
        comment("hugo", post, "   ", null).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
        comment("hugo", post, "x".repeat(10_001), null).then().statusCode(400)
                .contentType("application/problem+json");
        comment("hugo", post, "<script>only</script>", null).then().statusCode(400)
                .body("detail", containsString("visible text"));
        given().auth().oauth2(token("hugo")).contentType(ContentType.JSON).body("{\"parentId\":null}")
                .post(comments(post)).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("hugo")).contentType(ContentType.JSON).body("{\"body\":\"<script>x</script>\"}")
                .patch(comments(post) + "/" + id).then().statusCode(400);
        given().auth().oauth2(token("hugo")).contentType(ContentType.JSON).body("{\"body\":\"x\"}")
                .post("/api/posts/" + UUID.randomUUID() + "/comments").then().statusCode(404);
        given().auth().oauth2(token("hugo")).contentType(ContentType.JSON).body("{\"body\":\"x\"}")
                .post("/api/posts/not-a-uuid/comments").then().statusCode(404);

        assertThat(commentCount(post)).isEqualTo(1);
        assertThat(liveComments(post)).isEqualTo(1);
        String marker = comment("hugo", post, "marker", null).then().statusCode(201).extract().path("id");
        assertOnlyPublished(post, marker, EventTypes.COMMENT_ADDED, EventTypes.COMMENT_ADDED);
    }

    @Test
    void aNonMemberCannotReadOrWriteTheCommentsOfAPrivateGroupPost() {
        String group = fixtures.group("ivan", "comments private", "PRIVATE");
        fixtures.addMember("ivan", group, "jane");
        String post = fixtures.publish("ivan", "members only", group);
        String id = comment("jane", post, "members only", null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("ivan")).get(comments(post)).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));

        // the same answers as for a post that does not exist
        given().auth().oauth2(token("kurt")).get(comments(post)).then().statusCode(404)
                .contentType("application/problem+json");
        comment("kurt", post, "let me in", null).then().statusCode(404);
        comment("kurt", post, "let me in", id).then().statusCode(404);
        given().auth().oauth2(token("kurt")).contentType(ContentType.JSON).body("{\"body\":\"x\"}")
                .patch(comments(post) + "/" + id).then().statusCode(404);
        given().auth().oauth2(token("kurt")).delete(comments(post) + "/" + id).then().statusCode(404);
        // not even an admin outside the group learns it exists
        given().auth().oauth2(TestTokens.user("kurt").roles("employee", "admin").sign())
                .delete(comments(post) + "/" + id).then().statusCode(404);
        assertThat(commentCount(post)).isEqualTo(1);
        assertThat(liveComments(post)).isEqualTo(1);
    }

    @Test
    void everyCommentEndpointNeedsAnEmployeesToken() {
        String path = "/api/posts/" + UUID.randomUUID() + "/comments";
        Denials.assertEmployeeOnly("GET", path);
        Denials.assertEmployeeOnly("POST", path);
        Denials.assertEmployeeOnly("PATCH", path + "/" + UUID.randomUUID());
        Denials.assertEmployeeOnly("DELETE", path + "/" + UUID.randomUUID());
    }

    // --- helpers

    private static String comments(String post) {
        return "/api/posts/" + post + "/comments";
    }

    private static String publish(String author, String body) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + body + "\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
    }

    private static Response comment(String author, String post, String body, String parentId) {
        String parent = parentId == null ? "null" : "\"" + parentId + "\"";
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON)
                .body("{\"body\":\"" + body + "\",\"parentId\":" + parent + "}").post(comments(post));
    }

    private static String type(ConsumerRecord<String, String> record) {
        String type = TestTopics.header(record, "ce_type");
        return type == null ? "" : type;
    }

    /**
     * Asserts the post's comment events on the topic are exactly these types, in order. Events of one post share a
     * key, so a partition, and the outbox sends in commit order: once the last expected event (the marker, when
     * given) has arrived, anything a rejected request had published would have arrived before it.
     */
    private static List<ConsumerRecord<String, String>> assertOnlyPublished(String post, String marker,
            String... types) {
        List<ConsumerRecord<String, String>> events = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && type(r).startsWith("intranet.feed.comment."), types.length, TIMEOUT, SETTLE);
        assertThat(events).extracting(CommentResourceTest::type).containsExactly(types);
        if (marker != null) {
            assertThat(events.get(events.size() - 1).value()).contains(marker);
        }
        return events;
    }

    private int commentCount(String post) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT comment_count FROM posts WHERE id = CAST(:id AS uuid)").setParameter("id", post)
                .getSingleResult()).intValue());
    }

    private int liveComments(String post) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM comments WHERE post_id = CAST(:id AS uuid) AND deleted_at IS NULL")
                .setParameter("id", post).getSingleResult()).intValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> pendingHandles(String comment) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT handle FROM pending_mentions WHERE comment_id = CAST(:id AS uuid) ORDER BY handle")
                .setParameter("id", comment).getResultList());
    }

}
