package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.intranet.feed.FeedTestSupport.json;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

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

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class AnnouncementResourceTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @Inject
    FeedFixtures fixtures;

    private static String hr(String user) {
        return TestTokens.user(user).roles("employee", "hr").sign();
    }

    private static ValidatableResponse announce(String token, String fields) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"ANNOUNCEMENT\",\"body\":\"<p>Policy update</p>\"" + fields + "}")
                .post("/api/posts").then();
    }

    private static String toDepartment(String department, String more) {
        return announce(hr("an-hr"), ",\"audience\":{\"departments\":[\"" + department + "\"]}" + more)
                .statusCode(201).extract().path("id");
    }

    private static List<String> items(String user, String path) {
        return given().auth().oauth2(token(user)).queryParam("limit", 100).get(path).then().statusCode(200)
                .extract().path("items.id");
    }

    private static boolean sees(String user, String id) {
        return given().auth().oauth2(token(user)).get("/api/posts/" + id).then().extract().statusCode() == 200;
    }

    private static String dept() {
        return "Dept-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyHrOrAnAdminMayAnnounceAndARefusedOneLeavesNothing() {
        fixtures.employee("an-employee");
        announce(token("an-employee"), ",\"audience\":{\"everyone\":true}").statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("only HR or an admin"));
        assertThat(fixtures.postsBy("an-employee")).isZero();
        String byAdmin = announce(TestTokens.user("an-admin").roles("employee", "admin").sign(),
                ",\"audience\":{\"everyone\":true}").statusCode(201).body("kind", equalTo("ANNOUNCEMENT"))
                .body("announcement.audience.everyone", equalTo(true)).extract().path("id");
        assertThat(topics().exactly(Topics.FEED, r -> byAdmin.equals(r.key())
                && EventTypes.ANNOUNCEMENT_PUBLISHED.equals(TestTopics.header(r, "ce_type")), 1, EVENTUALLY,
                Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void badAnnouncementsAre400WithNothingStored() {
        String hr = hr("an-bad-hr");
        String group = fixtures.group("an-group-owner", "Announced group " + UUID.randomUUID(), "PUBLIC");
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        Map<String, String> cases = Map.of(
                "", "needs an audience",
                ",\"audience\":{}", "needs an audience",
                ",\"audience\":{\"everyone\":true,\"departments\":[\"Sales\"]}", "not both",
                ",\"audience\":{\"groups\":[\"no-such-group\"]}", "does not exist",
                ",\"audience\":{\"everyone\":true},\"expiresAt\":\"2020-01-01T00:00:00Z\"", "expiresAt must be after",
                ",\"audience\":{\"everyone\":true},\"publishAt\":\"" + soon + "\",\"expiresAt\":\""
                        + soon.minusSeconds(60) + "\"", "expiresAt must be after publishAt",
                ",\"audience\":{\"everyone\":true},\"publishAt\":\"2020-01-01T00:00:00Z\"", "publishAt must be in the",
                ",\"audience\":{\"everyone\":true},\"groupId\":\"" + group + "\"", "not posted in a group");
        cases.forEach((fields, detail) -> announce(hr, fields).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(detail)));
        given().auth().oauth2(hr).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"x\",\"mustRead\":true}").post("/api/posts").then()
                .statusCode(400).body("detail", containsString("belong to an ANNOUNCEMENT"));
        assertThat(fixtures.postsBy("an-bad-hr")).isZero();
    }

    @Test
    void theAudienceIsResolvedAtReadTimeSoPeopleWhoMoveGainOrLoseItEverywhere() {
        String dept = dept();
        fixtures.employee("an-insider", dept);
        fixtures.employee("an-outsider", "Elsewhere");
        fixtures.employee("an-hr");
        String id = toDepartment(dept, ",\"mustRead\":true");

        for (String path : List.of("/api/feed/company", "/api/feed/home", "/api/announcements")) {
            assertThat(items("an-insider", path)).as(path).contains(id);
            assertThat(items("an-outsider", path)).as(path).doesNotContain(id);
        }
        assertThat(sees("an-insider", id)).isTrue();
        given().auth().oauth2(token("an-outsider")).get("/api/posts/" + id).then().statusCode(404);
        given().auth().oauth2(token("an-outsider")).post("/api/announcements/" + id + "/ack").then().statusCode(404);

        fixtures.moveTo("an-insider", "Elsewhere");
        fixtures.moveTo("an-outsider", dept);
        assertThat(sees("an-insider", id)).as("moved out").isFalse();
        assertThat(items("an-insider", "/api/announcements")).doesNotContain(id);
        assertThat(sees("an-outsider", id)).as("moved in").isTrue();
        assertThat(items("an-outsider", "/api/feed/home")).contains(id);
        JsonPath reach = given().auth().oauth2(hr("an-hr")).get("/api/announcements/" + id + "/reach").then()
                .statusCode(200).extract().jsonPath();
        assertThat(reach.getInt("audience")).isEqualTo(1);
        assertThat(reach.getList("byDepartment.name")).containsExactly(dept);
        // the one who moved in opened it just now; the one who moved out had, but no longer counts
        assertThat(reach.getInt("seen")).isEqualTo(1);
    }

    @Test
    void seenAndAcknowledgedAreRecordedOnceAndReachAndPendingFollow() {
        String dept = dept();
        for (String user : List.of("an-r1", "an-r2", "an-r3")) {
            fixtures.employee(user, dept);
        }
        fixtures.employee("an-reach-outsider", "Elsewhere");
        fixtures.employee("an-hr");
        String id = toDepartment(dept, ",\"mustRead\":true");

        given().auth().oauth2(token("an-r1")).get("/api/posts/" + id).then().statusCode(200)
                .body("announcement.seen", equalTo(true)).body("announcement.acknowledged", equalTo(false));
        List<CompletableFuture<Integer>> acks = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token("an-r2"))
                        .post("/api/announcements/" + id + "/ack").then().extract().statusCode())).toList();
        assertThat(acks.stream().map(CompletableFuture::join)).containsOnly(200);
        assertThat(topics().exactly(Topics.FEED, r -> id.equals(r.key())
                && EventTypes.ANNOUNCEMENT_ACKNOWLEDGED.equals(TestTopics.header(r, "ce_type")), 1, EVENTUALLY,
                Duration.ofSeconds(2))).singleElement()
                .satisfies(r -> assertThat(json(r).get("employeeId").asText()).isEqualTo(TestTokens.stableId("an-r2")));
        given().auth().oauth2(token("an-r2")).get("/api/posts/" + id).then()
                .body("announcement.acknowledged", equalTo(true));

        given().auth().oauth2(hr("an-hr")).get("/api/announcements/" + id + "/reach").then().statusCode(200)
                .body("audience", equalTo(3)).body("seen", equalTo(2)).body("acknowledged", equalTo(1))
                .body("acknowledgedRate", equalTo(0.3333f))
                .body("byDepartment[0].name", equalTo(dept)).body("byDepartment[0].audience", equalTo(3))
                .body("byLocation[0].name", equalTo("Paris"));

        JsonPath first = given().auth().oauth2(hr("an-hr")).queryParam("limit", 1)
                .get("/api/announcements/" + id + "/pending").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().auth().oauth2(hr("an-hr")).queryParam("limit", 1)
                .queryParam("cursor", first.getString("next")).get("/api/announcements/" + id + "/pending").then()
                .statusCode(200).extract().jsonPath();
        List<String> pending = List.of(first.getString("items[0].id"), second.getString("items[0].id"));
        assertThat(pending).containsExactlyInAnyOrder(TestTokens.stableId("an-r1"), TestTokens.stableId("an-r3"));
        assertThat(second.getString("next")).isNull();
        String csv = given().auth().oauth2(hr("an-hr")).accept("text/csv")
                .get("/api/announcements/" + id + "/pending").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(3).first().asString().startsWith("id,username,displayName");
        assertThat(csv).contains("an-r1", "an-r3").doesNotContain("an-r2");

        // an employee in the audience may not see reach; one outside learns nothing of it
        given().auth().oauth2(token("an-r1")).get("/api/announcements/" + id + "/reach").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token("an-reach-outsider")).get("/api/announcements/" + id + "/pending").then()
                .statusCode(404);
    }

    @Test
    void aScheduledAnnouncementIsHrsUntilTheSchedulerPublishesItOnce() {
        String dept = dept();
        fixtures.employee("an-waiting", dept);
        fixtures.employee("an-hr");
        Instant at = Instant.now().plusSeconds(3);
        String id = toDepartment(dept, ",\"publishAt\":\"" + at + "\"");
        given().auth().oauth2(hr("an-other-hr")).get("/api/posts/" + id).then().statusCode(200)
                .body("announcement.publishAt", equalTo(at.truncatedTo(ChronoUnit.MICROS).toString()))
                .body("announcement.audience.departments", equalTo(List.of(dept)));
        assertThat(sees("an-waiting", id)).as("before publishAt").isFalse();
        assertThat(items("an-waiting", "/api/feed/company")).doesNotContain(id);

        await().atMost(EVENTUALLY).until(() -> sees("an-waiting", id));
        assertThat(items("an-waiting", "/api/announcements")).contains(id);
        assertThat(topics().exactly(Topics.FEED, r -> id.equals(r.key())
                && EventTypes.ANNOUNCEMENT_PUBLISHED.equals(TestTopics.header(r, "ce_type")), 1, EVENTUALLY,
                Duration.ofSeconds(7))).singleElement().satisfies(r -> {
                    assertThat(json(r).get("audience").toString()).isEqualTo("[\"dept:" + dept + "\"]");
                    assertThat(Instant.parse(json(r).get("publishedAt").asText())).isAfterOrEqualTo(
                            at.truncatedTo(ChronoUnit.MICROS));
                });
        assertThat(topics().exactly(Topics.FEED, r -> id.equals(r.key())
                && EventTypes.POST_PUBLISHED.equals(TestTopics.header(r, "ce_type")), 1, EVENTUALLY,
                Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void pinnedAnnouncementsLeadTheFeedsAndExpiredOnesLeaveThemButStayReadable() {
        String dept = dept();
        fixtures.employee("an-pin-reader", dept);
        String pinned = toDepartment(dept, ",\"pinnedUntil\":\"" + Instant.now().plusSeconds(3600) + "\"");
        String expiring = toDepartment(dept, ",\"expiresAt\":\"" + Instant.now().plusSeconds(3) + "\"");
        String newer = fixtures.publish("an-pin-reader", "newer than the pinned one");
        for (String path : List.of("/api/feed/company", "/api/feed/home")) {
            List<String> page = items("an-pin-reader", path);
            assertThat(page.get(0)).as(path).isEqualTo(pinned);
            assertThat(page).as(path).contains(newer, expiring).containsOnlyOnce(pinned);
        }
        await().atMost(EVENTUALLY).until(() -> !items("an-pin-reader", "/api/feed/company").contains(expiring));
        assertThat(items("an-pin-reader", "/api/feed/home")).doesNotContain(expiring);
        assertThat(items("an-pin-reader", "/api/announcements")).doesNotContain(expiring).contains(pinned);
        assertThat(sees("an-pin-reader", expiring)).as("readable by link").isTrue();
    }

    @Test
    void myAnnouncementsListMustReadThenPinnedThenNewestWithACursor() {
        String dept = dept();
        fixtures.employee("an-lister", dept);
        String plainOld = toDepartment(dept, "");
        String pinned = toDepartment(dept, ",\"pinnedUntil\":\"" + Instant.now().plusSeconds(3600) + "\"");
        String mustRead = toDepartment(dept, ",\"mustRead\":true");
        String plainNew = toDepartment(dept, "");
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token("an-lister")).queryParam("limit", 2);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .get("/api/announcements").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all).containsSubsequence(mustRead, pinned, plainNew, plainOld);

        // acknowledged, the must-read one takes its place among the rest
        given().auth().oauth2(token("an-lister")).post("/api/announcements/" + mustRead + "/ack").then()
                .statusCode(200).body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
        List<String> after = items("an-lister", "/api/announcements");
        assertThat(after).containsSubsequence(pinned, plainNew, mustRead, plainOld);
    }

    @Test
    void everyAnnouncementEndpointIsForEmployeesOnly() {
        String id = UUID.randomUUID().toString();
        Denials.assertEmployeeOnly("GET", "/api/announcements");
        Denials.assertEmployeeOnly("POST", "/api/announcements/" + id + "/ack");
        Denials.assertEmployeeOnly("POST", "/api/announcements/" + id + "/seen");
        Denials.assertEmployeeOnly("GET", "/api/announcements/" + id + "/reach");
        Denials.assertEmployeeOnly("GET", "/api/announcements/" + id + "/pending");
    }
}
