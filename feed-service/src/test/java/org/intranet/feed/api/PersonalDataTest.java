package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.intranet.feed.FeedTestSupport.token;

import java.util.List;

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
import io.restassured.path.json.JsonPath;

/** GDPR: an employee's export holds what they wrote and did, and nobody else's. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class PersonalDataTest {

    private static String post(String who, String body) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON)
                .body("{\"kind\":\"UPDATE\",\"body\":\"" + body + "\"}").post("/api/posts")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath export(String who) {
        return given().auth().oauth2(token(who)).get("/api/feed/me/export")
                .then().statusCode(200).body("service", equalTo("feed-service"))
                .body("employeeId", equalTo(TestTokens.stableId(who))).extract().jsonPath();
    }

    @Test
    void theExportHoldsWhatIWroteAndDidAndNothingOfAnyoneElse() {
        String mine = post("gdpr-gina", "Hello #gdprtopic");
        String theirs = post("gdpr-otto", "Otto's own words");
        given().auth().oauth2(token("gdpr-gina")).contentType(ContentType.JSON)
                .body("{\"body\":\"Edited by me\"}").patch("/api/posts/" + mine).then().statusCode(200);
        String comment = given().auth().oauth2(token("gdpr-gina")).contentType(ContentType.JSON)
                .body("{\"body\":\"My comment on Otto's post\"}").post("/api/posts/" + theirs + "/comments")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("gdpr-gina")).put("/api/posts/" + theirs + "/reactions/LIKE")
                .then().statusCode(200);
        given().auth().oauth2(token("gdpr-gina")).put("/api/follows/topics/gdprtopic").then().statusCode(204);
        given().auth().oauth2(token("gdpr-otto")).put("/api/posts/" + mine + "/reactions/CELEBRATE")
                .then().statusCode(200);

        JsonPath gina = export("gdpr-gina");
        assertThat(gina.getList("posts.id")).containsExactly(mine);
        assertThat(gina.getList("revisions.body", String.class)).anyMatch(b -> b.contains("Edited by me"))
                .anyMatch(b -> b.contains("Hello"));
        assertThat(gina.getList("comments.id")).containsExactly(comment);
        assertThat(gina.getList("reactions.postId")).containsExactly(theirs);
        assertThat(gina.getList("follows.target")).containsExactly("gdprtopic");

        JsonPath otto = export("gdpr-otto");
        assertThat(otto.getList("posts.id")).containsExactly(theirs);
        assertThat(otto.getList("comments")).isEmpty();
        assertThat(otto.getList("reactions.type")).containsExactly("CELEBRATE");
        assertThat(otto.getList("revisions.body", String.class)).noneMatch(b -> b.contains("Hello"));
        assertThat(otto.getList("follows")).isEqualTo(List.of());
    }

    @Test
    void theExportNeedsAnEmployeesToken() {
        Denials.assertEmployeeOnly("GET", "/api/feed/me/export");
    }
}
