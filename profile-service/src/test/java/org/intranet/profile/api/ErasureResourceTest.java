package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

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

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GDPR erasure by an admin: the profile and its audit go, reports lose their manager, the event tells the rest. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ErasureResourceTest {
    private static final String ADMIN = TestTokens.user("er-admin").roles("employee", "admin").sign();
    private static final String HR = TestTokens.user("er-hr").roles("employee", "hr").sign();

    private static String person(String username) {
        given().auth().oauth2(TestTokens.user(username).roles("employee").sign()).get("/api/profiles/me")
                .then().statusCode(200);
        return TestTokens.stableId(username);
    }

    @Test
    void anAdminErasesSomeoneAndTheRestOfTheSuiteIsTold() {
        String boss = person("er-boss");
        String report = person("er-report");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"managerId\":\"" + boss + "\"}")
                .patch("/api/profiles/" + report).then().statusCode(200);

        given().auth().oauth2(HR).delete("/api/profiles/" + boss)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("admin"));
        given().auth().oauth2(ADMIN).delete("/api/profiles/" + TestTokens.stableId("er-admin"))
                .then().statusCode(400);
        given().auth().oauth2(ADMIN).delete("/api/profiles/" + TestTokens.stableId("er-nobody"))
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/profiles/" + boss).then().statusCode(204);

        given().auth().oauth2(ADMIN).get("/api/profiles/" + boss).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/profiles/" + boss + "/audit").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/profiles/" + report).then().body("managerId", nullValue());
        given().auth().oauth2(ADMIN).get("/api/profiles/" + report + "/audit")
                .then().body("items[0].fields", equalTo(java.util.List.of("managerId")));
        TestTopics topics = new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        ConsumerRecord<String, String> erased = topics.await(Topics.PROFILE, r -> boss.equals(r.key())
                && EventTypes.EMPLOYEE_ERASED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20))
                .get(0);
        // then a tombstone for the key: compaction drops everything the topic held of them
        ConsumerRecord<String, String> tombstone = topics.exactly(Topics.PROFILE, r -> boss.equals(r.key())
                && r.value() == null, 1, Duration.ofSeconds(20), Duration.ofSeconds(2)).get(0);
        assertThat(TestTopics.header(tombstone, "ce_type")).isNull();
        assertThat(tombstone.partition()).isEqualTo(erased.partition());
        assertThat(tombstone.offset()).isGreaterThan(erased.offset());
        topics.await(Topics.PROFILE, r -> report.equals(r.key())
                && EventTypes.MANAGER_CHANGED.equals(TestTopics.header(r, "ce_type"))
                && r.value().contains(boss), 2, Duration.ofSeconds(20));
    }
}
