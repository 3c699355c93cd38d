package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ProfileResourceTest {
    @Inject
    DataSource dataSource;

    private static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    private static String token(String user, String... roles) {
        return TestTokens.user(user).roles(roles.length == 0 ? new String[] {"employee"} : roles)
                .claim("department", "Sales").claim("location", "Paris").sign();
    }

    @Test
    void firstCallCreatesTheProfileFromTokenClaimsAndPublishesItOnce() throws Exception {
        String id = TestTokens.stableId("carol");
        for (int call = 0; call < 2; call++) {
            given().auth().oauth2(token("carol"))
                    .when().get("/api/profiles/me")
                    .then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("username", equalTo("carol"))
                    .body("displayName", equalTo("Carol Test"))
                    .body("department", equalTo("Sales"))
                    .body("location", equalTo("Paris"))
                    .body("email", equalTo("carol@example.com"));
        }
        // exactly one, however many first calls raced: collected for a while after the first copy arrived
        List<ConsumerRecord<String, String>> created = topics().exactly(Topics.PROFILE,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofSeconds(2));
        ConsumerRecord<String, String> event = created.get(0);
        assertThat(TestTopics.header(event, "ce_type")).isEqualTo(EventTypes.EMPLOYEE_CREATED);
        assertThat(TestTopics.header(event, "ce_source")).isEqualTo(EventTypes.PROFILE_SOURCE);
        assertThat(TestTopics.header(event, "ce_subject")).isEqualTo(id);
        assertThat(TestTopics.header(event, "ce_specversion")).isEqualTo("1.0");
        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertThat(payload.get("username").asText()).isEqualTo("carol");
        assertThat(payload.get("department").asText()).isEqualTo("Sales");
    }

    @Test
    void employeeUpdatesOwnProfileAndAnUpdatedEventFollows() {
        String id = TestTokens.stableId("dave");
        given().auth().oauth2(token("dave")).contentType(ContentType.JSON)
                .body("{\"title\":\"Staff Engineer\",\"skills\":[\"kafka\",\" quarkus \",\"kafka\"]}")
                .when().patch("/api/profiles/me")
                .then().statusCode(200)
                .body("title", equalTo("Staff Engineer"))
                .body("skills", equalTo(List.of("kafka", "quarkus")));
        topics().await(Topics.PROFILE, r -> id.equals(r.key())
                && EventTypes.EMPLOYEE_UPDATED.equals(TestTopics.header(r, "ce_type"))
                && r.value().contains("Staff Engineer"), 1, Duration.ofSeconds(20));
    }

    @Test
    void employeeCannotEditSomeoneElsesProfileButHrCan() {
        String erin = TestTokens.stableId("erin");
        given().auth().oauth2(token("erin")).get("/api/profiles/me").then().statusCode(200);

        given().auth().oauth2(token("frank")).contentType(ContentType.JSON).body("{\"title\":\"CEO\"}")
                .when().patch("/api/profiles/" + erin)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("HR"));
        given().auth().oauth2(token("erin")).get("/api/profiles/me").then().body("title", nullValue());

        given().auth().oauth2(token("hannah", "employee", "hr")).contentType(ContentType.JSON)
                .body("{\"title\":\"Account Executive\"}")
                .when().patch("/api/profiles/" + erin)
                .then().statusCode(200).body("title", equalTo("Account Executive"));
    }

    @Test
    void employeesCannotMoveThemselvesIntoAnotherDepartmentOrLocation() {
        String token = token("kim");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"department\":\"Finance\"}")
                .patch("/api/profiles/me").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("HR"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"location\":\"Lyon\"}")
                .patch("/api/profiles/me").then().statusCode(403);
        given().auth().oauth2(token).get("/api/profiles/me").then().body("department", equalTo("Sales"))
                .body("location", equalTo("Paris"));
    }

    @Test
    void managerLoopsAreRefused() {
        String gina = TestTokens.stableId("gina");
        String hugo = TestTokens.stableId("hugo");
        String hr = token("hannah", "employee", "hr");
        given().auth().oauth2(token("gina")).get("/api/profiles/me").then().statusCode(200);
        given().auth().oauth2(token("hugo")).get("/api/profiles/me").then().statusCode(200);
        given().auth().oauth2(hr).contentType(ContentType.JSON).body("{\"managerId\":\"" + gina + "\"}")
                .patch("/api/profiles/" + hugo).then().statusCode(200).body("managerId", equalTo(gina));
        given().auth().oauth2(hr).contentType(ContentType.JSON).body("{\"managerId\":\"" + hugo + "\"}")
                .patch("/api/profiles/" + gina).then().statusCode(400)
                .body("detail", containsString("loop"));
    }

    @Test
    void everyProfileEndpointNeedsAnEmployeesToken() {
        Denials.assertEmployeeOnly("GET", "/api/profiles/me");
        Denials.assertEmployeeOnly("PATCH", "/api/profiles/me");
        Denials.assertEmployeeOnly("GET", "/api/profiles/" + TestTokens.stableId("carol"));
        Denials.assertEmployeeOnly("PATCH", "/api/profiles/" + TestTokens.stableId("carol"));
    }

    @Test
    void aMachineClientsTokenGetsNoProfile() throws SQLException {
        given().auth().oauth2(Denials.machineToken()).get("/api/profiles/me").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(rows("SELECT count(*) FROM employees WHERE id = ?",
                TestTokens.stableId("service-account-intranet-scim"))).isZero();
    }

    @Test
    void handlesAreUniqueWhateverTheirCase() throws SQLException {
        String upper = given().auth().oauth2(token("Quinn")).get("/api/profiles/me").then().statusCode(200)
                .body("username", equalTo("Quinn")).extract().path("id");
        String lower = given().auth().oauth2(token("quinn")).get("/api/profiles/me").then().statusCode(200)
                .extract().path("id");
        assertThat(lower).isNotEqualTo(upper);
        String derived = given().auth().oauth2(token("quinn")).get("/api/profiles/me").then()
                .extract().path("username");
        assertThat(derived).as("the newcomer gets a derived handle").startsWith("quinn-").isNotEqualToIgnoringCase(
                "quinn");
        assertThat(rows("SELECT count(*) FROM employees WHERE lower(username) = 'quinn'")).isEqualTo(1);
    }

    @Test
    void concurrentEditsOfOneProfileAnswer409ToTheLoser() throws Exception {
        String id = given().auth().oauth2(token("olga")).get("/api/profiles/me").then().statusCode(200)
                .extract().path("id");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another writer changes the profile and holds its row until it commits
            try (PreparedStatement update = other.prepareStatement(
                    "UPDATE employees SET title = 'Other', version = version + 1 WHERE id = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
            CompletableFuture<Integer> patch = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(token("olga")).contentType(ContentType.JSON).body("{\"title\":\"Mine\"}")
                    .patch("/api/profiles/me").then().extract().statusCode());
            // the PATCH has read the old version and now waits for the row: let the other writer win
            await().atMost(Duration.ofSeconds(20)).until(() -> rows(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                    "update %employees%") > 0);
            other.commit();
            assertThat(patch.get(20, TimeUnit.SECONDS)).isEqualTo(409);
        }
        given().auth().oauth2(token("olga")).get("/api/profiles/me").then().body("title", equalTo("Other"));
    }

    private long rows(String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aTokenServedFromTheVerifiedTokenCacheIsStillCheckedByteForByte() {
        String good = token("cached");
        given().auth().oauth2(good).get("/api/profiles/me").then().statusCode(200);
        given().auth().oauth2(good).get("/api/profiles/me").then().statusCode(200);
        // the cached token's header and claims under another signature: a different key, verified in full
        String[] parts = good.split("\\.");
        String resigned = parts[0] + "." + parts[1] + "." + TestTokens.user("cached").forged().sign().split("\\.")[2];
        given().auth().oauth2(resigned).get("/api/profiles/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(good).get("/api/profiles/me").then().statusCode(200);
    }

    @Test
    void requestsWithoutAValidTokenAreRejected() {
        given().when().get("/api/profiles/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").get("/api/profiles/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/profiles/me"));
    }

    @Test
    void badInputGetsAProblemBodyAndChangesNothing() {
        String token = token("judy");
        given().auth().oauth2(token).get("/api/profiles/me").then().statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\": ")
                .patch("/api/profiles/me").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"" + "x".repeat(300) + "\"}")
                .patch("/api/profiles/me").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("title"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"skills\":\"not-a-list\"}")
                .patch("/api/profiles/me").then().statusCode(400).body("detail", containsString("skills"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"<script>\"}")
                .patch("/api/profiles/me").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"a\\u0000b\"}")
                .patch("/api/profiles/me").then().statusCode(400).body("violations.field", hasItem("title"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"title\":\"" + "y".repeat(1024 * 1024) + "\"}")
                .patch("/api/profiles/me").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/profiles/me").then().body("title", nullValue());
        given().auth().oauth2(token).get("/api/profiles/nobody").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("nobody"));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/profiles/me")
                .then().header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/api/profiles/me")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
