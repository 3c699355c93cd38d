package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** The directory and the org chart, over people provisioned from their tokens and arranged by HR. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class DirectoryResourceTest {
    private static final String HR = TestTokens.user("dir-hr").roles("employee", "hr").sign();

    /** Provisions someone just-in-time with these claims; @return their id. */
    static String person(String username, String displayName, String familyName, String department,
            String location) {
        String token = TestTokens.user(username).roles("employee").claim("name", displayName)
                .claim("family_name", familyName).claim("department", department).claim("location", location).sign();
        given().auth().oauth2(token).get("/api/profiles/me").then().statusCode(200);
        return TestTokens.stableId(username);
    }

    static String employee(String username) {
        return TestTokens.user(username).roles("employee").sign();
    }

    private static void hrPatch(String id, String json) {
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(json).patch("/api/profiles/" + id)
                .then().statusCode(200);
    }

    @Test
    void theOrgChartGivesDirectReportsWithTeamSizesAndTheChainToTheTop() {
        String ceo = person("oc-ceo", "Olga Chief", "Chief", "Board", "Paris");
        String vp = person("oc-vp", "Victor Vice", "Vice", "Engineering", "Paris");
        String m1 = person("oc-m1", "Mona First", "First", "Engineering", "Paris");
        String m2 = person("oc-m2", "Milo Second", "Second", "Engineering", "Lyon");
        String ic1 = person("oc-ic1", "Ines One", "One", "Engineering", "Paris");
        String ic2 = person("oc-ic2", "Ivan Two", "Two", "Engineering", "Paris");
        String ic3 = person("oc-ic3", "Iris Three", "Three", "Engineering", "Lyon");
        for (String[] pair : new String[][] {{vp, ceo}, {m1, vp}, {m2, vp}, {ic1, m1}, {ic2, m1}, {ic3, m2}}) {
            hrPatch(pair[0], "{\"managerId\":\"" + pair[1] + "\"}");
        }
        String reader = employee("oc-reader");

        JsonPath top = given().auth().oauth2(reader).get("/api/profiles/" + ceo + "/reports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(top.getList("card.id")).containsExactly(vp);
        assertThat(top.getInt("[0].directReports")).isEqualTo(2);
        assertThat(top.getInt("[0].teamSize")).isEqualTo(5);

        JsonPath middle = given().auth().oauth2(reader).get("/api/profiles/" + vp + "/reports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(middle.getList("card.displayName")).containsExactly("Milo Second", "Mona First");
        assertThat(middle.getList("teamSize", Integer.class)).containsExactly(1, 2);

        given().auth().oauth2(reader).get("/api/profiles/" + ic1 + "/chain")
                .then().statusCode(200).body("id", equalTo(List.of(m1, vp, ceo)));
        given().auth().oauth2(reader).get("/api/profiles/" + ceo + "/chain")
                .then().statusCode(200).body("size()", equalTo(0));

        // a leaver leaves the chart: the team shrinks, the chain above others is unchanged
        hrPatch(ic2, "{\"status\":\"LEFT\"}");
        given().auth().oauth2(reader).get("/api/profiles/" + m1 + "/reports")
                .then().statusCode(200).body("card.id", equalTo(List.of(ic1)));
        given().auth().oauth2(reader).get("/api/profiles/" + ceo + "/reports")
                .then().body("[0].teamSize", equalTo(4));
    }

    @Test
    void aManagerLoopIsRefusedWithTheLoopNamed() {
        String a = person("loop-a", "Loop A", "A", "Ops", "Paris");
        String b = person("loop-b", "Loop B", "B", "Ops", "Paris");
        String c = person("loop-c", "Loop C", "C", "Ops", "Paris");
        hrPatch(b, "{\"managerId\":\"" + a + "\"}");
        hrPatch(c, "{\"managerId\":\"" + b + "\"}");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"managerId\":\"" + c + "\"}")
                .patch("/api/profiles/" + a)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("loop-a → loop-c → loop-b → loop-a"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"managerId\":\"" + a + "\"}")
                .patch("/api/profiles/" + a)
                .then().statusCode(400).body("detail", containsString("own manager"));
        given().auth().oauth2(HR).get("/api/profiles/" + a).then().body("managerId", equalTo(null));
    }

    @Test
    void unknownPeopleHaveNoChartAndTheChartNeedsAToken() {
        String reader = employee("oc-reader2");
        given().auth().oauth2(reader).get("/api/profiles/" + TestTokens.stableId("nobody-here") + "/reports")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(reader).get("/api/profiles/" + TestTokens.stableId("nobody-here") + "/chain")
                .then().statusCode(404);
        given().get("/api/profiles/" + TestTokens.stableId("oc-ceo") + "/reports").then().statusCode(401);
        given().get("/api/profiles?q=a").then().statusCode(401);
    }

    @Test
    void theDirectoryFindsByNameFamilyNameOrHandlePrefixAndFilters() {
        String dept = "Directory Search";
        String anna = person("dsq-anna", "Zanna Quist", "Quist", dept, "Oslo");
        String zack = person("dsq-zack", "Zack Quillon", "Quillon", dept, "Bergen");
        String other = person("dsq-zoe", "Zoe Ramirez", "Ramirez", "Elsewhere", "Oslo");
        hrPatch(zack, "{\"skills\":[\"kotlin\",\"kafka\"]}");
        String reader = employee("dsq-reader");

        // the family name's prefix, any case
        given().auth().oauth2(reader).queryParam("q", "QUI").get("/api/profiles")
                .then().statusCode(200).body("items.id", equalTo(List.of(zack, anna)));
        // the display name's prefix, and the handle's
        given().auth().oauth2(reader).queryParam("q", "zanna").get("/api/profiles")
                .then().body("items.id", equalTo(List.of(anna)));
        given().auth().oauth2(reader).queryParam("q", "dsq-z").get("/api/profiles")
                .then().body("items.id", equalTo(List.of(zack, other)));
        // filters
        given().auth().oauth2(reader).queryParam("department", dept).queryParam("location", "Bergen")
                .get("/api/profiles").then().body("items.id", equalTo(List.of(zack)));
        given().auth().oauth2(reader).queryParam("q", "dsq").queryParam("skill", "kafka").get("/api/profiles")
                .then().body("items.id", equalTo(List.of(zack)));
        // LIKE's wildcards are literal
        given().auth().oauth2(reader).queryParam("q", "%").get("/api/profiles").then().body("items.size()",
                equalTo(0));
        // leavers only when asked for
        hrPatch(other, "{\"status\":\"LEFT\"}");
        given().auth().oauth2(reader).queryParam("q", "dsq-z").get("/api/profiles")
                .then().body("items.id", equalTo(List.of(zack)));
        given().auth().oauth2(reader).queryParam("q", "dsq-z").queryParam("former", true).get("/api/profiles")
                .then().body("items.id", equalTo(List.of(zack, other)))
                .body("items[1].status", equalTo("LEFT"));
        // head counts of active people
        List<Map<String, Object>> departments = given().auth().oauth2(reader).get("/api/profiles/departments")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(departments).contains(Map.of("name", dept, "headCount", 2));
        assertThat(departments).noneMatch(d -> "Elsewhere".equals(d.get("name")));
        given().auth().oauth2(reader).get("/api/profiles/locations").then().statusCode(200);
    }

    @Test
    void theDirectoryPagesThroughEveryoneOnceInNameOrder() {
        String dept = "Directory Paging";
        List<String> expected = new ArrayList<>();
        for (String name : List.of("Paula", "Pablo", "Petra", "Pia", "Pierre")) {
            expected.add(name + " Pager");
            person("dpg-" + name.toLowerCase(), name + " Pager", "Pager", dept, "Nantes");
        }
        expected.sort(String.CASE_INSENSITIVE_ORDER);
        String reader = employee("dpg-reader");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(reader).queryParam("department", dept).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/profiles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.displayName"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        // someone else's cursor is refused
        String first = given().auth().oauth2(reader).queryParam("department", dept).queryParam("limit", 2)
                .get("/api/profiles").then().extract().path("next");
        given().auth().oauth2(employee("dpg-other")).queryParam("department", dept).queryParam("cursor", first)
                .get("/api/profiles").then().statusCode(400).contentType("application/problem+json");
    }
}
