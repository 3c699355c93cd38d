package org.intranet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Serving the app: deep links get the page, bundles are cached for good, the page's policy names the IdP. */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class AppRoutesTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aDeepLinkGetsTheAppPageUncached() {
        for (String path : new String[] {"/", "/groups/42", "/people/abc/org", "/search"}) {
            given().get(path).then().statusCode(200)
                    .contentType(ContentType.HTML)
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:8180"))
                    .body(containsString("<div id=\"root\"></div>"));
        }
    }

    @Test
    void aMissingFileIsA404NotThePage() {
        given().get("/assets/nothing-here.js").then().statusCode(404);
    }

    @Test
    void theBundlesAreCachedForGoodAndCompressed() {
        String page = given().get("/").then().extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        given().header("Accept-Encoding", "gzip").get(script).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Encoding", "gzip");
    }

    @Test
    void theConfigNamesTheIdentityProviderAndClient() {
        given().get("/config.json").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("authority", equalTo("http://127.0.0.1:8180/realms/intranet"))
                .body("clientId", equalTo("intranet-web"))
                .body("renewSecondsBeforeExpiry", equalTo(60));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPortAndTheApiIsNotThePage() {
        // health and metrics live on the management port; the Ingress routes "/" here, so these must not answer
        given().get("/q/health/live").then().statusCode(404).header("Content-Security-Policy", nullValue());
        given().get("/q/metrics").then().statusCode(404);
        given().get(java.net.URI.create(management.toString()).resolve("/q/health/live").toString()).then().statusCode(200);
        given().get("/api/feed/home").then().statusCode(200).body(not(containsString("<div id=\"root\">")));
    }
}
