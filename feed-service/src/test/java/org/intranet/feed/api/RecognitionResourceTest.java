package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.intranet.feed.FeedTestSupport.json;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.feed.FeedFixtures;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
class RecognitionResourceTest {
    @Inject
    FeedFixtures fixtures;

    static ValidatableResponse recognise(String author, String body) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(body).post("/api/posts")
                .then();
    }

    static String kudos(String author, String value, String... recipients) {
        return kudosIn(null, author, value, recipients);
    }

    static String kudosIn(String groupId, String author, String value, String... recipients) {
        String ids = String.join("\",\"", recipients);
        return recognise(author, "{\"kind\":\"RECOGNITION\",\"body\":\"Thank you!\",\"recipients\":[\"" + ids
                + "\"],\"value\":\"" + value + "\"" + (groupId == null ? "" : ",\"groupId\":\"" + groupId + "\"")
                + "}").statusCode(201).extract().path("id");
    }

    static JsonPath wall(String user, String department) {
        return given().auth().oauth2(token(user)).queryParam("department", department).queryParam("period", "week")
                .get("/api/recognition").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCompanysValuesAndBadgesComeFromConfiguration() {
        fixtures.employee("rc-reader");
        given().auth().oauth2(token("rc-reader")).get("/api/recognition/values").then().statusCode(200)
                .body("values.name", hasItems("Customer first", "Own it", "Better together"))
                .body("values.find { it.name == 'Own it' }.description", containsString("responsibility"))
                .body("badges", hasItems("rocket", "star"))
                .body("monthlyBudget", equalTo(10)).body("remaining", equalTo(10));
    }

    @Test
    void aRecognitionNamesItsRecipientsValueAndBadgeAndTellsThemByEvent() {
        String giver = fixtures.employee("rc-giver");
        String ann = fixtures.employee("rc-ann");
        String ben = fixtures.employee("rc-ben");
        String id = recognise("rc-giver", "{\"kind\":\"RECOGNITION\",\"body\":\"Great release, @rc-ann!\","
                + "\"recipients\":[\"" + ann + "\",\"" + ben + "\",\"" + ann + "\"],\"value\":\"own IT\","
                + "\"badge\":\"Rocket\"}").statusCode(201)
                .body("kind", equalTo("RECOGNITION"))
                .body("recognition.value", equalTo("Own it"))
                .body("recognition.badge", equalTo("rocket"))
                .body("recognition.recipients.id", equalTo(List.of(ann, ben)))
                .body("recognition.recipients.displayName", equalTo(List.of("rc-ann Test", "rc-ben Test")))
                .extract().path("id");
        given().auth().oauth2(token("rc-ben")).get("/api/posts/" + id).then().statusCode(200)
                .body("recognition.recipients.username", equalTo(List.of("rc-ann", "rc-ben")));

        JsonNode event = json(topics().exactly(Topics.FEED, r -> id.equals(r.key())
                && EventTypes.RECOGNITION_GIVEN.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2)).get(0));
        assertThat(event.get("authorId").asText()).isEqualTo(giver);
        assertThat(event.get("value").asText()).isEqualTo("Own it");
        assertThat(event.get("recipients").toString()).isEqualTo("[\"" + ann + "\",\"" + ben + "\"]");
        assertThat(event.get("audience").toString()).isEqualTo("[\"all\"]");
    }

    @Test
    void recipientsAndTheirFollowersSeeItInTheirHomeFeed() {
        String star = fixtures.employee("rc-star");
        fixtures.employee("rc-fan");
        fixtures.employee("rc-thanker");
        fixtures.employee("rc-bystander");
        fixtures.employee("rc-late-fan");
        given().auth().oauth2(token("rc-fan")).put("/api/follows/people/" + star).then().statusCode(204);
        given().auth().oauth2(token("rc-late-fan")).put("/api/follows/people/" + star).then().statusCode(204);
        // the timelines exist before the post, so they are fanned out to, not built
        for (String user : List.of("rc-star", "rc-fan", "rc-bystander")) {
            fixtures.home(user);
        }
        String id = kudos("rc-thanker", "Think big", star);
        fixtures.awaitHome("rc-star", home -> home.contains(id));
        fixtures.awaitHome("rc-fan", home -> home.contains(id));
        assertThat(fixtures.home("rc-bystander")).doesNotContain(id);

        // a timeline built later (first read, or after eviction) finds it through the recognitions received
        assertThat(fixtures.timelineEntries("rc-late-fan")).isZero();
        assertThat(fixtures.home("rc-late-fan")).contains(id);
    }

    @Test
    void badRecognitionsAre400AndNothingIsStoredOrPublished() {
        String self = fixtures.employee("rc-bad");
        String other = fixtures.employee("rc-other");
        String left = fixtures.employee("rc-left");
        fixtures.leave("rc-left");
        Map<String, String> cases = Map.of(
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[],\"value\":\"Own it\"}", "1 to 20",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"value\":\"Own it\"}", "1 to 20",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + self + "\"],\"value\":\"Own it\"}",
                "yourself",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + other + "\"],\"value\":\"Be fast\"}",
                "one of the company's values",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + other + "\"]}",
                "one of the company's values",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + other + "\"],\"value\":\"Own it\","
                        + "\"badge\":\"unicorn\"}", "badge must be one of",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"nobody-" + UUID.randomUUID()
                        + "\"],\"value\":\"Own it\"}", "no employee known here",
                "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + left + "\"],\"value\":\"Own it\"}",
                "has left",
                "{\"kind\":\"UPDATE\",\"body\":\"x\",\"recipients\":[\"" + other + "\"]}", "belong to a RECOGNITION");
        cases.forEach((body, detail) -> recognise("rc-bad", body).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(detail)));
        String tooMany = String.join("\",\"", java.util.Collections.nCopies(21, other));
        recognise("rc-bad", "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + tooMany
                + "\"],\"value\":\"Own it\"}").statusCode(400).body("detail", containsString("recipients"));

        assertThat(fixtures.postsBy("rc-bad")).isZero();
        assertThat(topics().exactly(Topics.FEED, r -> EventTypes.RECOGNITION_GIVEN.equals(
                TestTopics.header(r, "ce_type")) && json(r).get("authorId").asText().equals(self), 0,
                Duration.ofSeconds(5), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void thePrivateGroupRuleHoldsForRecipientsAndForEveryCount() {
        String dept = "Kudos-private-" + UUID.randomUUID();
        String member = fixtures.employee("rc-member", dept);
        String outsider = fixtures.employee("rc-outsider", dept);
        String group = fixtures.group("rc-owner", "Kudos private " + UUID.randomUUID(), "PRIVATE");
        fixtures.addMember("rc-owner", group, "rc-member");

        recognise("rc-owner", "{\"kind\":\"RECOGNITION\",\"body\":\"x\",\"recipients\":[\"" + outsider
                + "\"],\"value\":\"Own it\",\"groupId\":\"" + group + "\"}").statusCode(400)
                .body("detail", containsString("not a member of private group"));
        String secret = kudosIn(group, "rc-owner", "Own it", member);
        String open = kudos("rc-owner", "Customer first", member);

        // a member sees both; an outsider sees only the public one, in the wall, the counts and the items
        JsonPath insider = wall("rc-member", dept);
        assertThat(insider.getInt("items[0].total")).isEqualTo(2);
        JsonPath outside = wall("rc-outsider", dept);
        assertThat(outside.getList("items.employee.id")).containsExactly(member);
        assertThat(outside.getInt("items[0].total")).isEqualTo(1);
        assertThat(outside.getMap("items[0].byValue")).containsExactly(Map.entry("Customer first", 1));

        given().auth().oauth2(token("rc-outsider")).get("/api/recognition/people/" + member).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(open)));
        given().auth().oauth2(token("rc-member")).get("/api/recognition/people/" + member).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(open, secret)))
                .body("byValue.'Own it'", equalTo(1));
        given().auth().oauth2(token("rc-outsider")).get("/api/posts/" + secret).then().statusCode(404);
    }

    @Test
    void theWallRanksPeopleByWhatTheyReceivedPerDepartmentWithACursor() {
        String dept = "Kudos-wall-" + UUID.randomUUID();
        String first = fixtures.employee("rc-w1", dept);
        String second = fixtures.employee("rc-w2", dept);
        String third = fixtures.employee("rc-w3", dept);
        String elsewhere = fixtures.employee("rc-w4", "Elsewhere-" + UUID.randomUUID());
        fixtures.employee("rc-wg");
        kudos("rc-wg", "Own it", first, second, third, elsewhere);
        kudos("rc-wg", "Think big", first, second);
        String gone = kudos("rc-wg", "Own it", first);
        kudos("rc-wg", "Own it", first);
        given().auth().oauth2(token("rc-wg")).delete("/api/posts/" + gone).then().statusCode(204);

        JsonPath page = given().auth().oauth2(token("rc-wg")).queryParam("department", dept.toLowerCase())
                .queryParam("limit", 2).get("/api/recognition").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("period")).isEqualTo("MONTH");
        assertThat(page.getList("items.employee.id")).containsExactly(first, second);
        assertThat(page.getList("items.total", Integer.class)).containsExactly(3, 2);
        assertThat(page.getMap("items[0].byValue")).containsOnly(Map.entry("Own it", 2), Map.entry("Think big", 1));
        JsonPath rest = given().auth().oauth2(token("rc-wg")).queryParam("department", dept)
                .queryParam("limit", 2).queryParam("cursor", page.getString("next")).get("/api/recognition")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.employee.id")).containsExactly(third);
        assertThat(rest.getString("next")).isNull();

        given().auth().oauth2(token("rc-wg")).queryParam("period", "year").get("/api/recognition").then()
                .statusCode(400).body("detail", containsString("week, month or quarter"));
        given().auth().oauth2(token("rc-wg")).queryParam("cursor", "forged.cursor").get("/api/recognition").then()
                .statusCode(400);
        given().auth().oauth2(token("rc-wg")).get("/api/recognition/people/nobody-here").then().statusCode(404);
    }

    @Test
    void everyRecognitionEndpointIsForEmployeesOnly() {
        Denials.assertEmployeeOnly("GET", "/api/recognition");
        Denials.assertEmployeeOnly("GET", "/api/recognition/values");
        Denials.assertEmployeeOnly("GET", "/api/recognition/people/someone");
    }
}
