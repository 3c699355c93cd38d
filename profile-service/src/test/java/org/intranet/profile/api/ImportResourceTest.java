package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
import io.restassured.path.json.JsonPath;

/** CSV imports: a job applying every valid row and reporting every other one with its line. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ImportResourceTest {
    private static final String HR = TestTokens.user("imp-hr").roles("employee", "hr").sign();

    private static JsonPath finished(String location) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(HR).get(location).then().statusCode(200).extract().jsonPath(),
                job -> !"RUNNING".equals(job.getString("state")));
    }

    private static String upload(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/profiles/import")
                .then().statusCode(202).header("Location", containsString("/api/profiles/import/"))
                .extract().header("Location");
    }

    @Test
    void hrImportsAFileAppliesTheValidRowsAndReportsTheOthersByLine() {
        // someone who signed in already: found by handle, enriched
        String known = TestTokens.user("imp-known").roles("employee").sign();
        given().auth().oauth2(known).get("/api/profiles/me").then().statusCode(200);
        String boss = TestTokens.stableId("imp-boss");
        String report = TestTokens.stableId("imp-report");
        String csv = "\uFEFFId,USERNAME,displayName,department,location,manager,skills,startDate,employeeNumber,timeZone\n"
                // the report comes before their manager: managers are resolved once every row is read
                + report + ",imp-report,Rita Report,Imports,Lille,imp-boss,csv; sql,2021-03-01,IMP-2,Europe/Paris\n"
                + boss + ",imp-boss,Boris Boss,Imports,Lille,,,2019-01-07,IMP-1,\n"
                + ",imp-known,\"Known, Person\",Imports,,imp-boss,,,,\n"
                + ",imp-nobody,Nobody,Imports,,,,,,\n"
                + TestTokens.stableId("imp-bad1") + ",imp-bad1,Bad Zone,Imports,,,,,,Mars/Olympus\n"
                + TestTokens.stableId("imp-bad2") + ",imp-bad2,Bad Date,Imports,,,,2021-02-30,,\n"
                + TestTokens.stableId("imp-bad3") + ",imp-bad3,Bad Number,Imports,,,,,IMP-1,\n";
        JsonPath job = finished(upload(HR, csv));
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("total")).isEqualTo(7);
        assertThat(job.getInt("processed")).isEqualTo(7);
        assertThat(job.getInt("created")).isEqualTo(2);
        assertThat(job.getInt("updated")).isEqualTo(1);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(5, 6, 7, 8);
        assertThat(job.getString("errors[0].reason")).contains("give their id");
        assertThat(job.getString("errors[1].reason")).contains("Mars/Olympus");
        assertThat(job.getString("errors[2].reason")).contains("2021-02-30");
        assertThat(job.getString("errors[3].reason")).contains("IMP-1");

        given().auth().oauth2(HR).get("/api/profiles/" + report)
                .then().statusCode(200).body("displayName", equalTo("Rita Report"))
                .body("managerId", equalTo(boss)).body("skills", equalTo(List.of("csv", "sql")))
                .body("startDate", equalTo("2021-03-01")).body("timeZone", equalTo("Europe/Paris"));
        given().auth().oauth2(known).get("/api/profiles/me")
                .then().body("displayName", equalTo("Known, Person")).body("managerId", equalTo(boss));
        given().auth().oauth2(HR).get("/api/profiles/" + boss + "/reports")
                .then().body("card.id", equalTo(List.of(TestTokens.stableId("imp-known"), report)));
        given().auth().oauth2(HR).get("/api/profiles?q=imp-bad").then().body("items.size()", equalTo(0));
        // created people are published like any other, and the import is in their audit
        new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await(Topics.PROFILE, r -> report.equals(r.key())
                        && EventTypes.EMPLOYEE_CREATED.equals(TestTopics.header(r, "ce_type")), 1,
                        Duration.ofSeconds(20));
        given().auth().oauth2(TestTokens.user("imp-admin").roles("employee", "admin").sign())
                .get("/api/profiles/" + report + "/audit").then().body("items[0].source", equalTo("IMPORT"));

        // the same file again changes nothing that is already so
        JsonPath again = finished(upload(HR, csv));
        assertThat(again.getInt("created") + again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(3);
    }

    @Test
    void aFileThatIsNotAnImportIsRefusedWholeAndNothingIsApplied() {
        given().auth().oauth2(HR).contentType("text/csv").body("username,shoeSize\nimp-x,42\n".getBytes())
                .post("/api/profiles/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("shoeSize")).body("detail", containsString("displayName"));
        given().auth().oauth2(HR).contentType("text/csv").body("displayName\nX\n".getBytes())
                .post("/api/profiles/import")
                .then().statusCode(400).body("detail", containsString("username column"));
        given().auth().oauth2(HR).contentType("text/csv")
                .body("username,displayName\nimp-latin,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/profiles/import")
                .then().statusCode(400).body("detail", containsString("UTF-8")).body("detail",
                        containsString("line 2"));
        given().auth().oauth2(HR).contentType("text/csv").body(new byte[0]).post("/api/profiles/import")
                .then().statusCode(400).body("detail", containsString("empty"));
        given().auth().oauth2(HR).contentType("application/json").body("{}").post("/api/profiles/import")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(HR).get("/api/profiles?q=imp-latin").then().body("items.size()", equalTo(0));
    }

    @Test
    void onlyHrAndAdminsImportAndFollowImports() {
        String employee = TestTokens.user("imp-employee").roles("employee").sign();
        given().auth().oauth2(employee).contentType("text/csv")
                .body(("id,username\n" + TestTokens.stableId("imp-sneaky") + ",imp-sneaky\n").getBytes())
                .post("/api/profiles/import")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("HR"));
        given().auth().oauth2(HR).get("/api/profiles?q=imp-sneaky").then().body("items.size()", equalTo(0));
        String location = upload(HR, "username\nimp-hr\n");
        given().auth().oauth2(employee).get(location).then().statusCode(403);
        given().auth().oauth2(HR).get("/api/profiles/import/not-a-job").then().statusCode(404);
        given().contentType("text/csv").body("username\n".getBytes()).post("/api/profiles/import")
                .then().statusCode(401);
    }

    @Test
    void anImportMayBeLargeButOtherRequestsStayAt256K() {
        StringBuilder csv = new StringBuilder("username,title\n");
        while (csv.length() < 400_000) {
            csv.append("imp-hr,Head of People\n");
        }
        // 400 KB: over the API's 256K, within the import's 16M (every row is the same person: one applied)
        JsonPath job = finished(upload(HR, csv.toString()));
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getList("errors")).isNotEmpty();
        given().auth().oauth2(HR).contentType("application/json")
                .body("{\"bio\":\"" + "x".repeat(300_000) + "\"}").patch("/api/profiles/me")
                .then().statusCode(413).contentType("application/problem+json");
    }
}
