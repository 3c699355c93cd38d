package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
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

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The whole profile: self-service within the self-editable fields, HR for the rest, custom fields, audit, events. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ProfileFieldsTest {
    private static final String HR = TestTokens.user("pf-hr").roles("employee", "hr").sign();
    private static final String ADMIN = TestTokens.user("pf-admin").roles("employee", "admin").sign();

    private static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** A payload's text field (the relay sends what PostgreSQL's jsonb prints, spacing included). */
    private static String field(ConsumerRecord<String, String> record, String name) {
        try {
            JsonNode value = new ObjectMapper().readTree(record.value()).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String me(String username) {
        String token = TestTokens.user(username).roles("employee").claim("department", "Support").sign();
        given().auth().oauth2(token).get("/api/profiles/me").then().statusCode(200);
        return token;
    }

    private static void patchMe(String token, String json, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(json).patch("/api/profiles/me")
                .then().statusCode(status);
    }

    @Test
    void anEmployeeFillsInTheirProfileAndOneEventNamesWhatChanged() throws Exception {
        String token = me("pf-lea");
        String id = TestTokens.stableId("pf-lea");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"bio":"Support lead.\\nAsk me about SLAs.","phone":"+33 1 23 45 67 89","pronouns":"she/her",
                 "languages":["fr","en","fr"],"timeZone":"Europe/Paris","avatarUrl":"https://cdn.example.com/lea.png",
                 "title":"Support Lead"}""")
                .patch("/api/profiles/me")
                .then().statusCode(200)
                .body("bio", equalTo("Support lead.\nAsk me about SLAs."))
                .body("languages", equalTo(List.of("fr", "en")))
                .body("timeZone", equalTo("Europe/Paris"));

        List<ConsumerRecord<String, String>> updates = topics().await(Topics.PROFILE, r -> id.equals(r.key())
                && EventTypes.EMPLOYEE_UPDATED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20));
        JsonNode payload = new ObjectMapper().readTree(updates.get(0).value());
        List<String> changed = new ObjectMapper().convertValue(payload.get("changed"), List.class);
        assertThat(changed).containsExactlyInAnyOrder("title", "timeZone", "phone", "bio", "avatarUrl", "pronouns",
                "languages");
        assertThat(payload.get("timeZone").asText()).isEqualTo("Europe/Paris");

        // the same again changes nothing: no audit entry, no event
        patchMe(token, "{\"title\":\"Support Lead\",\"pronouns\":\"she/her\"}", 200);
        // clearing an optional field
        patchMe(token, "{\"phone\":\"\"}", 200);
        given().auth().oauth2(token).get("/api/profiles/me").then().body("phone", nullValue());

        given().auth().oauth2(ADMIN).get("/api/profiles/" + id + "/audit")
                .then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].fields", equalTo(List.of("phone")))
                .body("items[0].actorId", equalTo(id))
                .body("items[0].source", equalTo("API"))
                .body("items[2].source", equalTo("TOKEN"));
        // GDPR: the person downloads their profile and its whole audit themselves
        given().auth().oauth2(token).get("/api/profiles/me/export")
                .then().statusCode(200).body("service", equalTo("profile-service"))
                .body("profile.id", equalTo(id)).body("profile.bio", equalTo("Support lead.\nAsk me about SLAs."))
                .body("audit.size()", equalTo(3));
        given().get("/api/profiles/me/export").then().statusCode(401);
        given().auth().oauth2(token).get("/api/profiles/" + id + "/audit")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("admin"));
        given().auth().oauth2(HR).get("/api/profiles/" + id + "/audit").then().statusCode(403);
    }

    @Test
    void onlyTheSelfEditableFieldsAreAnEmployeesToChange() {
        String token = me("pf-max");
        String id = TestTokens.stableId("pf-max");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"bio\":\"hi\",\"employeeNumber\":\"E-77\",\"startDate\":\"2020-01-06\"}")
                .patch("/api/profiles/me")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("startDate, employeeNumber"))
                .body("detail", containsString("bio"));
        // nothing of the refused change was written
        given().auth().oauth2(token).get("/api/profiles/me").then().body("bio", nullValue());

        given().auth().oauth2(HR).contentType(ContentType.JSON)
                .body("{\"employeeNumber\":\"E-77\",\"startDate\":\"2020-01-06\",\"displayName\":\"Max Power\"}")
                .patch("/api/profiles/" + id)
                .then().statusCode(200).body("employeeNumber", equalTo("E-77")).body("startDate",
                        equalTo("2020-01-06"));
        given().auth().oauth2(token).get("/api/profiles/fields")
                .then().statusCode(200).body("selfEditable", hasItem("bio"))
                .body("selfEditable", not(hasItem("department")));

        // an employee number is one person's
        String other = TestTokens.stableId("pf-lea2");
        me("pf-lea2");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"employeeNumber\":\"E-77\"}")
                .patch("/api/profiles/" + other)
                .then().statusCode(409).body("detail", containsString("E-77"));
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamedAndNothingWritten() {
        String token = me("pf-bad");
        for (String[] bad : new String[][] {
                {"{\"timeZone\":\"Mars/Olympus\"}", "timeZone"},
                {"{\"phone\":\"call me\"}", "phone"},
                {"{\"avatarUrl\":\"javascript:alert(1)\"}", "avatarUrl"},
                {"{\"languages\":[\"english!\"]}", "languages"},
                {"{\"bio\":\"<script>x</script>\"}", "bio"},
                {"{\"custom\":{\"nosuch\":\"x\"}}", "custom.nosuch"}}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(bad[0]).patch("/api/profiles/me")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body(containsString(bad[1]));
        }
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"displayName\":\"  \"}")
                .patch("/api/profiles/" + TestTokens.stableId("pf-bad"))
                .then().statusCode(400).body("detail", containsString("displayName"));
        given().auth().oauth2(token).get("/api/profiles/me")
                .then().body("timeZone", nullValue()).body("phone", nullValue()).body("displayName",
                        equalTo("Pf-bad Test"));
    }

    @Test
    void adminsDefineCustomFieldsThatAreValidatedAndEditableAsConfigured() {
        String token = me("pf-cf");
        String id = TestTokens.stableId("pf-cf");
        String shirt = "{\"label\":\"T-shirt size\",\"type\":\"CHOICE\",\"choices\":[\"S\",\"M\",\"L\"],"
                + "\"selfEditable\":true}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(shirt).put("/api/profiles/fields/shirt")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"label\":\"T-shirt size\",\"type\":\"CHOICE\"}").put("/api/profiles/fields/shirt")
                .then().statusCode(400).body("detail", containsString("choices"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shirt).put("/api/profiles/fields/shirt")
                .then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shirt).put("/api/profiles/fields/shirt")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"label\":\"Cost centre\",\"type\":\"NUMBER\"}").put("/api/profiles/fields/costCentre")
                .then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"label\":\"x\",\"type\":\"TEXT\"}").put("/api/profiles/fields/Bad-Key")
                .then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"label\":\"Bio\",\"type\":\"TEXT\"}").put("/api/profiles/fields/bio")
                .then().statusCode(400).body("detail", containsString("built-in"));

        given().auth().oauth2(token).get("/api/profiles/fields")
                .then().body("custom.key", hasItem("shirt")).body("custom.key", hasItem("costCentre"));

        patchMe(token, "{\"custom\":{\"shirt\":\"XL\"}}", 400);
        patchMe(token, "{\"custom\":{\"shirt\":\"M\"}}", 200);
        patchMe(token, "{\"custom\":{\"costCentre\":4711}}", 403);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"custom\":{\"costCentre\":\"abc\"}}")
                .patch("/api/profiles/" + id).then().statusCode(400).body("detail", containsString("number"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"custom\":{\"costCentre\":4711}}")
                .patch("/api/profiles/" + id).then().statusCode(200)
                .body("custom.shirt", equalTo("M")).body("custom.costCentre", equalTo(4711));
        // removing one value, then the field itself with every value of it
        patchMe(token, "{\"custom\":{\"shirt\":null}}", 200);
        given().auth().oauth2(token).get("/api/profiles/me").then().body("custom.shirt", nullValue())
                .body("custom.costCentre", notNullValue());
        given().auth().oauth2(token).delete("/api/profiles/fields/costCentre").then().statusCode(403);
        given().auth().oauth2(ADMIN).delete("/api/profiles/fields/costCentre").then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/profiles/fields/costCentre").then().statusCode(404);
        given().auth().oauth2(token).get("/api/profiles/me").then().body("custom.costCentre", nullValue());
    }

    @Test
    void hrDeactivatesALeaverAndMovesPeopleWithTheirOwnEvents() {
        me("pf-boss");
        me("pf-leaver");
        String boss = TestTokens.stableId("pf-boss");
        String leaver = TestTokens.stableId("pf-leaver");
        given().auth().oauth2(HR).contentType(ContentType.JSON)
                .body("{\"department\":\"Finance\",\"managerId\":\"" + boss + "\"}")
                .patch("/api/profiles/" + leaver).then().statusCode(200);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"status\":\"LEFT\"}")
                .patch("/api/profiles/" + leaver)
                .then().statusCode(200).body("status", equalTo("LEFT")).body("leftAt", notNullValue());

        TestTopics topics = topics();
        topics.await(Topics.PROFILE, r -> leaver.equals(r.key())
                && EventTypes.DEPARTMENT_CHANGED.equals(TestTopics.header(r, "ce_type"))
                && "Support".equals(field(r, "previousDepartment")) && "Finance".equals(field(r, "department")), 1,
                Duration.ofSeconds(20));
        topics.await(Topics.PROFILE, r -> leaver.equals(r.key())
                && EventTypes.MANAGER_CHANGED.equals(TestTopics.header(r, "ce_type")) && boss.equals(field(r, "managerId")),
                1,
                Duration.ofSeconds(20));
        ConsumerRecord<String, String> left = topics.await(Topics.PROFILE, r -> leaver.equals(r.key())
                && EventTypes.EMPLOYEE_DEACTIVATED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20))
                .get(0);
        ConsumerRecord<String, String> snapshot = topics.await(Topics.PROFILE, r -> leaver.equals(r.key())
                && EventTypes.EMPLOYEE_UPDATED.equals(TestTopics.header(r, "ce_type"))
                && "LEFT".equals(field(r, "status")), 1, Duration.ofSeconds(20)).get(0);
        // the topic is compacted: of one change, the snapshot comes last, so it is what a replay keeps
        assertThat(snapshot.offset()).isGreaterThan(left.offset());
    }
}
