package org.intranet.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class PreferencesResourceTest {
    private static final String PATH = "/api/notification-preferences";

    private static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    private static String someone() {
        return "prefs-" + UUID.randomUUID();
    }

    @Test
    void someoneWhoChoseNothingGetsDefaultsThatDoNotFlood() {
        given().auth().oauth2(token(someone())).get(PATH).then().statusCode(200)
                .body("channels.MENTION.inApp", equalTo(true)).body("channels.MENTION.email", equalTo(true))
                .body("channels.REACTION.inApp", equalTo(true)).body("channels.REACTION.email", equalTo(false))
                .body("channels.size()", equalTo(7))
                .body("digest", equalTo("WEEKLY")).body("timeZone", equalTo("UTC"))
                .body("quietHours", nullValue()).body("muted.posts.size()", equalTo(0));
    }

    @Test
    void aPutReplacesEverythingAndIsReadBackForThatPersonOnly() {
        String me = someone();
        given().auth().oauth2(token(me)).contentType("application/json").body(Map.of(
                "channels", Map.of("COMMENT", Map.of("email", true), "REACTION", Map.of("inApp", false)),
                "muted", Map.of("posts", List.of("p1", "p1", " p2 "), "groups", List.of("g1")),
                "subscribed", Map.of("groups", List.of("g2")),
                "quietHours", Map.of("from", "19:00", "to", "08:00"),
                "timeZone", "Europe/Paris", "digest", "daily"))
                .put(PATH).then().statusCode(200)
                .body("channels.COMMENT.inApp", equalTo(true)).body("channels.COMMENT.email", equalTo(true))
                .body("channels.REACTION.inApp", equalTo(false));
        given().auth().oauth2(token(me)).get(PATH).then().statusCode(200)
                .body("channels.COMMENT.email", equalTo(true)).body("channels.REACTION.inApp", equalTo(false))
                .body("channels.MENTION.email", equalTo(true))
                .body("muted.posts", equalTo(List.of("p1", "p2"))).body("muted.groups", equalTo(List.of("g1")))
                .body("subscribed.groups", equalTo(List.of("g2")))
                .body("quietHours.from", equalTo("19:00")).body("quietHours.to", equalTo("08:00"))
                .body("timeZone", equalTo("Europe/Paris")).body("digest", equalTo("DAILY"));
        given().auth().oauth2(token(me)).get("/api/notifications/me/export").then().statusCode(200)
                .body("preferences.digest", equalTo("DAILY")).body("preferences.muted.groups", equalTo(List.of("g1")));

        // a second PUT replaces: what it leaves out is back to its default
        given().auth().oauth2(token(me)).contentType("application/json").body(Map.of("digest", "OFF"))
                .put(PATH).then().statusCode(200);
        given().auth().oauth2(token(me)).get(PATH).then().statusCode(200)
                .body("channels.REACTION.inApp", equalTo(true)).body("subscribed.groups.size()", equalTo(0))
                .body("quietHours", nullValue()).body("digest", equalTo("OFF"));
        given().auth().oauth2(token(someone())).get(PATH).then().statusCode(200).body("digest", equalTo("WEEKLY"));
    }

    @Test
    void invalidPreferencesAre400ProblemsAndChangeNothing() {
        String me = someone();
        given().auth().oauth2(token(me)).contentType("application/json").body(Map.of("digest", "DAILY"))
                .put(PATH).then().statusCode(200);
        List<Map<String, Object>> bad = List.of(
                Map.of("channels", Map.of("POKE", Map.of("inApp", true))),
                Map.of("timeZone", "Mars/Olympus"),
                Map.of("quietHours", Map.of("from", "7pm", "to", "08:00")),
                Map.of("quietHours", Map.of("from", "25:00", "to", "08:00")),
                Map.of("quietHours", Map.of("from", "08:00")),
                Map.of("quietHours", Map.of("from", "08:00", "to", "08:00")),
                Map.of("digest", "HOURLY"),
                Map.of("muted", Map.of("posts", List.of(""))),
                Map.of("muted", Map.of("groups", List.of("x".repeat(129)))),
                Map.of("subscribed", Map.of("groups", java.util.stream.IntStream.range(0, 501)
                        .mapToObj(i -> "g" + i).toList())));
        for (Map<String, Object> body : bad) {
            given().auth().oauth2(token(me)).contentType("application/json").body(body).put(PATH).then()
                    .statusCode(400).contentType("application/problem+json").body("detail", containsString(
                            body.keySet().iterator().next()));
        }
        given().auth().oauth2(token(me)).contentType("application/json").body("{\"digest\":").put(PATH).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token(me)).get(PATH).then().statusCode(200).body("digest", equalTo("DAILY"));
    }

    @Test
    void preferencesNeedAnEmployeeToken() {
        Denials.assertEmployeeOnly("GET", PATH);
        Denials.assertEmployeeOnly("PUT", PATH);
    }
}
