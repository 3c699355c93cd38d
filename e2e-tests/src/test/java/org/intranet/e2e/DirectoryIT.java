package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.intranet.e2e.Stack.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The directory through the stack: HR imports people from a CSV file with real Keycloak tokens, the job reports
 * its progress, and the directory and the org chart show them.
 */
class DirectoryIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void hrImportsPeopleWhoThenAppearInTheDirectoryAndTheOrgChart() {
        String hannah = Stack.token("hannah");
        String bob = Stack.token("bob");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String lead = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String dept = "E2E " + marker;
        String csv = "id,username,displayName,familyName,department,location,manager,title\n"
                + member + ",e2e-m-" + marker + ",Mia Member,Member," + dept + ",Lyon,e2e-l-" + marker + ",Engineer\n"
                + lead + ",e2e-l-" + marker + ",Leo Lead,Lead," + dept + ",Lyon,,Head of " + marker + "\n"
                + ",e2e-nobody-" + marker + ",Nobody,,,,,\n";

        String location = as(hannah, Stack.PROFILE).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/profiles/import").then().statusCode(202).extract().header("Location");
        JsonPath job = await().atMost(EVENTUALLY).until(() -> as(hannah, Stack.PROFILE).get(location).then()
                .statusCode(200).extract().jsonPath(), j -> !"RUNNING".equals(j.getString("state")));
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("created")).isEqualTo(2);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(4);

        as(bob, Stack.PROFILE).queryParam("department", dept).get("/api/profiles").then().statusCode(200)
                .body("items.displayName", equalTo(List.of("Leo Lead", "Mia Member")));
        as(bob, Stack.PROFILE).get("/api/profiles/" + lead + "/reports").then().statusCode(200)
                .body("card.id", equalTo(List.of(member))).body("[0].teamSize", equalTo(0));
        as(bob, Stack.PROFILE).get("/api/profiles/" + member + "/chain").then().statusCode(200)
                .body("id", equalTo(List.of(lead)));
        as(bob, Stack.PROFILE).get("/api/profiles/departments").then().statusCode(200)
                .body("find { it.name == '" + dept + "' }.headCount", equalTo(2));
        // an employee may not import
        as(bob, Stack.PROFILE).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/profiles/import").then().statusCode(403);
    }
}
