package org.intranet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The local stand-in for the Ingress: each prefix reaches its service, whole segments only, streams unbuffered. */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class ApiGatewayTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void eachPrefixReachesItsServiceWithTheCallersTokenAndBody() {
        given().header("Authorization", "Bearer abc").contentType("application/json").body("{\"body\":\"hi\"}")
                .post("/api/posts?x=1")
                .then().statusCode(200)
                .body("service", equalTo("feed-service"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/posts?x=1"))
                .body("authorization", equalTo("Bearer abc"))
                .body("body", equalTo("{\"body\":\"hi\"}"));
        given().get("/api/profiles/me").then().statusCode(200).body("service", equalTo("profile-service"));
        given().get("/scim/v2/Users").then().statusCode(200).body("service", equalTo("profile-service"));
        given().get("/api/search/suggest?q=al").then().statusCode(200).body("service", equalTo("search-service"));
        given().get("/api/admin/search/reindex/1").then().statusCode(200).body("service", equalTo("search-service"));
        given().get("/api/notification-preferences").then().statusCode(200)
                .body("service", equalTo("notification-service"));
        given().get("/api/feed").then().statusCode(200).body("service", equalTo("feed-service"));
    }

    @Test
    void aPrefixMatchesWholePathSegmentsOnly() {
        given().get("/api/feedx").then().statusCode(404);
        given().get("/api/unknown/thing").then().statusCode(404);
    }

    @Test
    void aStreamPassesThroughEventByEvent() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/notifications/stream"))
                .timeout(Duration.ofSeconds(15)).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("event: unread");
            // the upstream holds back the second event until this one was read: a buffering proxy never gets here
            assertThat(reader.readLine()).isEqualTo("data: {\"count\":1}");
            FakeUpstream.FIRST_EVENT_READ.countDown();
            reader.readLine();
            assertThat(reader.readLine()).isEqualTo("event: unread");
            assertThat(reader.readLine()).isEqualTo("data: {\"count\":2}");
        }
    }
}
