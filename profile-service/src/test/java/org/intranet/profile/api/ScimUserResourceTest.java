package org.intranet.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.intranet.profile.api.ScimSupport.ENTERPRISE;
import static org.intranet.profile.api.ScimSupport.createUser;
import static org.intranet.profile.api.ScimSupport.patch;
import static org.intranet.profile.api.ScimSupport.scim;
import static org.intranet.profile.api.ScimSupport.unique;

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
import io.restassured.http.ContentType;

/** SCIM Users as Entra ID and Okta really call them, and every refusal with its SCIM error body. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ScimUserResourceTest {
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    private static String filter(String expression) {
        // RestAssured encodes the query string itself
        return "/scim/v2/Users?filter=" + expression;
    }

    @Test
    void aCreatedUserIsAProfileUnderTheProvisionersIdAndIsPublished() {
        String userName = unique("ada") + "@corp.example";
        String externalId = java.util.UUID.randomUUID().toString();
        String id = scim().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"externalId":"%s","userName":"%s",
                 "name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada Lovelace","title":"Engineer",
                 "emails":[{"value":"ada@corp.example","type":"work","primary":true}],
                 "addresses":[{"type":"work","locality":"London"}],
                 "%s":{"employeeNumber":"%s","department":"Engineering"},"active":true}"""
                .formatted(ENTERPRISE, externalId, userName, ENTERPRISE, unique("E"), ENTERPRISE))
                .post("/scim/v2/Users")
                .then().statusCode(201).contentType(containsString("application/scim+json"))
                .header("Location", containsString("/scim/v2/Users/" + externalId))
                .header("ETag", containsString("W/\""))
                .body("id", equalTo(externalId))
                .body("meta.resourceType", equalTo("User"))
                .body("emails[0].value", equalTo("ada@corp.example"))
                .body("'" + ENTERPRISE + "'.department", equalTo("Engineering"))
                .extract().path("id");
        // the profile API shows the same person: the provisioner's id is the employee id
        given().auth().oauth2(TestTokens.user("scim-reader").roles("employee").sign()).get("/api/profiles/" + id)
                .then().statusCode(200).body("username", equalTo(userName)).body("location", equalTo("London"))
                .body("department", equalTo("Engineering")).body("title", equalTo("Engineer"));
        topics().exactly(Topics.PROFILE, r -> id.equals(r.key())
                && EventTypes.EMPLOYEE_CREATED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2));
    }

    @Test
    void aClientScenarioCreatesPatchesTheManagerFindsDeactivatesAndDeletes() {
        String boss = createUser(unique("boss"), null);
        String userName = unique("Grace");
        String id = createUser(userName, null);
        // Entra ID: capitalised op, the manager as a bare id
        patch("/scim/v2/Users/" + id, """
                {"op":"Add","path":"%s:manager","value":"%s"}""".formatted(ENTERPRISE, boss))
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo(boss));
        // the RFC's form of the same
        String other = createUser(unique("boss2"), null);
        patch("/scim/v2/Users/" + id, """
                {"op":"replace","path":"%s:manager","value":{"value":"%s"}}""".formatted(ENTERPRISE, other))
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo(other));
        topics().await(Topics.PROFILE, r -> id.equals(r.key())
                && EventTypes.MANAGER_CHANGED.equals(TestTopics.header(r, "ce_type")), 2, Duration.ofSeconds(20));
        // Okta looks people up by userName in any case
        scim().get(filter("userName eq \"" + userName.toUpperCase() + "\"")).then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
        // Entra ID deactivates with the text "False"
        patch("/scim/v2/Users/" + id, """
                {"op":"Replace","path":"active","value":"False"}""").statusCode(200).body("active", equalTo(false));
        topics().exactly(Topics.PROFILE, r -> id.equals(r.key())
                && EventTypes.EMPLOYEE_DEACTIVATED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2));
        // inactive people are still there, by GET and by filter
        scim().get("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(false));
        scim().get(filter("userName eq \"" + userName + "\" and active eq false")).then()
                .body("totalResults", equalTo(1));
        scim().delete("/scim/v2/Users/" + id).then().statusCode(204);
        scim().get("/scim/v2/Users/" + id).then().statusCode(404).body("schemas", hasItem(ERROR))
                .body("status", equalTo("404"));
        scim().get(filter("userName eq \"" + userName + "\"")).then().statusCode(200)
                .body("totalResults", equalTo(0));
        // the person stays a former employee for the rest of the intranet
        given().auth().oauth2(TestTokens.user("scim-reader").roles("employee").sign()).get("/api/profiles/" + id)
                .then().statusCode(200).body("status", equalTo("LEFT"));
        // and a rehire under the same userName brings them back, active, under the same id
        scim().body("{\"userName\":\"" + userName + "\",\"active\":true}").post("/scim/v2/Users").then()
                .statusCode(201).body("id", equalTo(id)).body("active", equalTo(true));
    }

    @Test
    void entraIdsPatchDialectIsUnderstood() {
        String id = createUser(unique("entra"), null);
        patch("/scim/v2/Users/" + id, """
                {"op":"Replace","value":{"name.givenName":"Grace","name.familyName":"Hopper","displayName":"Grace Hopper",
                 "%s:department":"Navy"}},
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"grace@navy.example"},
                {"op":"Add","path":"%s:employeeNumber","value":"%s"},
                {"op":"Replace","path":"title","value":"Rear Admiral"}""".formatted(ENTERPRISE, ENTERPRISE,
                unique("N")))
                .statusCode(200)
                .body("name.givenName", equalTo("Grace")).body("name.familyName", equalTo("Hopper"))
                .body("displayName", equalTo("Grace Hopper"))
                .body("emails[0].value", equalTo("grace@navy.example")).body("emails[0].type", equalTo("work"))
                .body("'" + ENTERPRISE + "'.department", equalTo("Navy"))
                .body("title", equalTo("Rear Admiral"))
                .body("$", not(hasKey("name.givenName")));
        // a second change of the work email replaces it, not adds one
        patch("/scim/v2/Users/" + id, """
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"hopper@navy.example"}""")
                .statusCode(200).body("emails.size()", equalTo(1))
                .body("emails[0].value", equalTo("hopper@navy.example"));
        // boolean false deactivates too, and true brings them back
        patch("/scim/v2/Users/" + id, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}")
                .body("active", equalTo(false));
        patch("/scim/v2/Users/" + id, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}")
                .body("active", equalTo(true));
        // removing an attribute clears it
        patch("/scim/v2/Users/" + id, "{\"op\":\"Remove\",\"path\":\"title\"}").statusCode(200)
                .body("title", nullValue());
    }

    @Test
    void oktasCallsWork() {
        String userName = unique("okta");
        String id = createUser(userName, null);
        createUser(unique("okta"), null);
        // its connection test
        scim().get("/scim/v2/Users?startIndex=1&count=2").then().statusCode(200)
                .body("startIndex", equalTo(1)).body("itemsPerPage", equalTo(2))
                .body("Resources.size()", equalTo(2));
        // plain application/json, deactivation as a replace without a path
        given().auth().oauth2(ScimSupport.CLIENT).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace","value":{"active":false}}]}""")
                .patch("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(false));
        patch("/scim/v2/Users/" + id, """
                {"op":"add","value":{"phoneNumbers":[{"value":"+1 555 0100","type":"work"}],"timezone":"America/Chicago",
                 "%s:department":"Ops"}}""".formatted(ENTERPRISE)).statusCode(200)
                .body("phoneNumbers[0].value", equalTo("+1 555 0100"));
        // updates by PUT: what the organisation owns and is omitted is cleared; phone and time zone are kept
        scim().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Okta","familyName":"Person"},"title":"Analyst","active":true,
                 "emails":[{"value":"okta@corp.example","primary":true}]}""".formatted(userName))
                .put("/scim/v2/Users/" + id).then().statusCode(200).body("title", equalTo("Analyst"))
                .body("active", equalTo(true)).body("displayName", equalTo("Okta Person"))
                .body("emails[0].value", equalTo("okta@corp.example"))
                .body("phoneNumbers[0].value", equalTo("+1 555 0100")).body("timezone", equalTo("America/Chicago"))
                .body("$", not(hasKey(ENTERPRISE)));
        // an invalid token: 401 with a SCIM error whose status is the string "401"
        given().auth().oauth2(TestTokens.user("x").roles("scim").expired().sign()).accept(ScimSupport.SCIM)
                .get("/scim/v2/Users").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("schemas", hasItem(ERROR)).body("status", equalTo("401"))
                .body("detail", containsString("not valid"));
    }

    @Test
    void filtersCoverTheOperatorsAndValueFilters() {
        String tag = unique("flt");
        String a = createUser(tag + "-a", "\"emails\":[{\"value\":\"" + tag + "-a@work.example\",\"type\":\"work\"}],"
                + "\"title\":\"Chef\"");
        String b = createUser(tag + "-b", "\"displayName\":\"Bee " + tag + "\"");
        patch("/scim/v2/Users/" + b, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").statusCode(200);
        assertThat(ids("userName sw \"" + tag + "\"")).containsExactlyInAnyOrder(a, b);
        assertThat(ids("userName sw \"" + tag + "\" and title pr")).containsExactly(a);
        assertThat(ids("userName sw \"" + tag + "\" and not (title pr)")).containsExactly(b);
        assertThat(ids("userName sw \"" + tag + "\" and title ne \"Chef\"")).containsExactly(b);
        assertThat(ids("userName sw \"" + tag + "\" and active eq true")).containsExactly(a);
        assertThat(ids("displayName co \"ee " + tag.toUpperCase() + "\" or userName eq \"" + tag + "-a\""))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids("emails[type eq \"work\" and value co \"" + tag + "-a@\"]")).containsExactly(a);
        assertThat(ids("emails[type eq \"work\"].value eq \"" + tag + "-a@work.example\"")).containsExactly(a);
        assertThat(ids("emails eq \"" + tag + "-a@work.example\"")).containsExactly(a);
        assertThat(ids("userName ew \"" + tag.substring(tag.length() - 4) + "-b\"")).containsExactly(b);
        // LIKE's wildcards are plain characters in a filter
        assertThat(ids("userName sw \"" + tag.substring(0, 4) + "_\"")).isEmpty();
        assertThat(ids("userName co \"%\"")).isEmpty();
        assertThat(ids("userName sw \"" + tag + "-\" and userName ew \"-a\"")).containsExactly(a);
        // a filter with no match: 200 and none
        scim().get(filter("userName eq \"nobody-" + tag + "\"")).then().statusCode(200)
                .body("totalResults", equalTo(0)).body("Resources.size()", equalTo(0));
    }

    private static List<String> ids(String expression) {
        return scim().get(filter(expression)).then().statusCode(200).extract().jsonPath().getList("Resources.id");
    }

    @Test
    void whoIsWhoWhenAPersonSignedInFirstLeftOrIsPostedTwice() {
        // signed in before being provisioned: the POST naming their id takes them over, under their own handle
        String first = unique("first");
        given().auth().oauth2(TestTokens.user(first).roles("employee").sign()).get("/api/profiles/me").then()
                .statusCode(200);
        String firstId = TestTokens.stableId(first);
        scim().body("{\"userName\":\"" + first + "\",\"externalId\":\"" + firstId + "\",\"title\":\"Taken over\"}")
                .post("/scim/v2/Users").then().statusCode(201).body("id", equalTo(firstId))
                .body("title", equalTo("Taken over"));
        // the same POST again: that User exists
        scim().body("{\"userName\":\"" + first + "\",\"externalId\":\"" + firstId + "\"}").post("/scim/v2/Users")
                .then().statusCode(409).body("scimType", equalTo("uniqueness"));
        // a newcomer reusing a leaver's login gets a profile of their own; the leaver keeps a derived handle
        String login = unique("jsmith");
        String leaver = createUser(login, "\"title\":\"Old title\"");
        scim().delete("/scim/v2/Users/" + leaver).then().statusCode(204);
        String newcomer = java.util.UUID.randomUUID().toString();
        scim().body("{\"userName\":\"" + login + "\",\"externalId\":\"" + newcomer + "\"}").post("/scim/v2/Users")
                .then().statusCode(201).body("id", equalTo(newcomer)).body("$", not(hasKey("title")));
        given().auth().oauth2(TestTokens.user("scim-reader").roles("employee").sign()).get("/api/profiles/" + leaver)
                .then().statusCode(200).body("username", org.hamcrest.Matchers.startsWith(login + "-"))
                .body("status", equalTo("LEFT"));
    }

    @Test
    void anUrnKeyWithAnObjectAndOtherPhoneTypes() {
        String boss = createUser(unique("urnboss"), null);
        String id = createUser(unique("urn"), "\"phoneNumbers\":[{\"value\":\"+44 20 0000\",\"type\":\"mobile\"}]");
        scim().get("/scim/v2/Users/" + id).then().body("$", not(hasKey("phoneNumbers")));
        patch("/scim/v2/Users/" + id, """
                {"op":"Replace","value":{"%s:manager":{"value":"%s"}}}""".formatted(ENTERPRISE, boss))
                .statusCode(200).body("'" + ENTERPRISE + "'.manager.value", equalTo(boss));
    }

    @Test
    void attributesAndExcludedAttributesShapeWhatComesBack() {
        String userName = unique("attr");
        String id = createUser(userName, "\"title\":\"Pilot\",\"" + ENTERPRISE + "\":{\"department\":\"Air\"}");
        scim().get("/scim/v2/Users/" + id + "?attributes=userName,name.givenName," + ENTERPRISE + ":department")
                .then().statusCode(200).body("id", equalTo(id)).body("userName", equalTo(userName))
                .body("name.givenName", equalTo("Given")).body("name", not(hasKey("familyName")))
                .body("'" + ENTERPRISE + "'.department", equalTo("Air"))
                .body("$", not(hasKey("title"))).body("$", not(hasKey("meta")));
        scim().get("/scim/v2/Users/" + id + "?excludedAttributes=title,name.familyName").then().statusCode(200)
                .body("$", not(hasKey("title"))).body("name.givenName", equalTo("Given"))
                .body("name", not(hasKey("familyName"))).body("userName", equalTo(userName));
    }

    @Test
    void etagsGuardAgainstLostUpdates() {
        String id = createUser(unique("etag"), null);
        String etag = scim().get("/scim/v2/Users/" + id).then().statusCode(200).extract().header("ETag");
        scim().header("If-Match", etag).body("""
                {"Operations":[{"op":"replace","path":"title","value":"First"}]}""")
                .patch("/scim/v2/Users/" + id).then().statusCode(200).header("ETag", not(equalTo(etag)));
        scim().header("If-Match", etag).body("""
                {"Operations":[{"op":"replace","path":"title","value":"Second"}]}""")
                .patch("/scim/v2/Users/" + id).then().statusCode(412).body("status", equalTo("412"));
        scim().get("/scim/v2/Users/" + id).then().body("title", equalTo("First"));
        scim().header("If-Match", etag).delete("/scim/v2/Users/" + id).then().statusCode(412);
    }

    @Test
    void badRequestsGetTheRightScimType() {
        String userName = unique("bad");
        String id = createUser(userName, null);
        scim().get(filter("userName eq")).then().statusCode(400).body("scimType", equalTo("invalidFilter"))
                .body("status", equalTo("400")).body("schemas", hasItem(ERROR));
        scim().get(filter("shoeSize eq \"42\"")).then().statusCode(400).body("scimType", equalTo("invalidFilter"))
                .body("detail", containsString("shoeSize"));
        scim().get(filter("active eq \"maybe\"")).then().statusCode(400).body("scimType", equalTo("invalidFilter"));
        patch("/scim/v2/Users/" + id, "{\"op\":\"rename\",\"path\":\"title\",\"value\":\"x\"}").statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        patch("/scim/v2/Users/" + id, "{\"op\":\"replace\",\"path\":\"emails[type eq]\",\"value\":\"x\"}")
                .statusCode(400).body("scimType", equalTo("invalidPath"));
        patch("/scim/v2/Users/" + id, "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}").statusCode(400)
                .body("scimType", equalTo("mutability"));
        patch("/scim/v2/Users/" + id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim().body("{not json").post("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        // a value the profile rules refuse, in the second operation: the first is not applied either
        patch("/scim/v2/Users/" + id, """
                {"op":"replace","path":"title","value":"Changed"},
                {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"not an address"}""")
                .statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("email"));
        scim().get("/scim/v2/Users/" + id).then().body("$", not(hasKey("title")));
        // the same userName twice, in any case
        scim().body("{\"userName\":\"" + userName.toUpperCase() + "\"}").post("/scim/v2/Users").then()
                .statusCode(409).body("scimType", equalTo("uniqueness")).body("status", equalTo("409"));
        scim().body("{\"name\":{\"givenName\":\"No\"}}").post("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidValue")).body("detail", containsString("userName"));
        scim().get("/scim/v2/Users/no-such-user").then().statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void onlyAProvisioningClientsTokenIsAccepted() {
        String employee = TestTokens.user("scim-employee").roles("employee").sign();
        String adminWithScim = TestTokens.user("scim-admin").roles("employee", "admin", "scim").sign();
        given().auth().oauth2(employee).accept(ScimSupport.SCIM).get("/scim/v2/Users").then().statusCode(403)
                .contentType(containsString("application/scim+json"))
                .body("schemas", hasItem(ERROR)).body("status", equalTo("403"));
        given().auth().oauth2(adminWithScim).accept(ScimSupport.SCIM).get("/scim/v2/Users").then().statusCode(403)
                .body("status", equalTo("403")).body("detail", containsString("never an employee's"));
        given().auth().oauth2(adminWithScim).contentType(ScimSupport.SCIM).body("{\"userName\":\"intruder\"}")
                .post("/scim/v2/Users").then().statusCode(403);
        given().accept(ScimSupport.SCIM).get("/scim/v2/Users").then().statusCode(401)
                .body("schemas", hasItem(ERROR)).body("status", equalTo("401"));
        scim().get(filter("userName eq \"intruder\"")).then().body("totalResults", equalTo(0));
        for (String path : List.of("/scim/v2/Groups", "/scim/v2/Groups/x", "/scim/v2/Users/x",
                "/scim/v2/ServiceProviderConfig", "/scim/v2/Schemas", "/scim/v2/ResourceTypes")) {
            given().auth().oauth2(employee).get(path).then().statusCode(403).body("status", equalTo("403"));
            given().get(path).then().statusCode(401).body("status", equalTo("401"));
        }
        given().auth().oauth2(employee).contentType(ScimSupport.SCIM).body("{\"displayName\":\"x\"}")
                .post("/scim/v2/Groups").then().statusCode(403);
        given().auth().oauth2(employee).delete("/scim/v2/Users/x").then().statusCode(403);
    }

    @Test
    void discoverySaysWhatIsSupported() {
        scim().get("/scim/v2/ServiceProviderConfig").then().statusCode(200)
                .body("patch.supported", equalTo(true)).body("filter.supported", equalTo(true))
                .body("filter.maxResults", equalTo(200)).body("etag.supported", equalTo(true))
                .body("bulk.supported", equalTo(false))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"));
        scim().get("/scim/v2/Schemas").then().statusCode(200).body("totalResults", equalTo(3))
                .body("Resources.id", hasItem(ENTERPRISE))
                .body("Resources.find { it.name == 'User' }.attributes.name", hasItem("userName"))
                .body("Resources.find { it.name == 'User' }.attributes.name", not(hasItem("password")));
        scim().get("/scim/v2/ResourceTypes").then().statusCode(200).body("Resources.name", hasItem("Group"))
                .body("Resources.find { it.name == 'User' }.schemaExtensions[0].schema", equalTo(ENTERPRISE));
        scim().get("/scim/v2/ResourceTypes/User").then().statusCode(200).body("endpoint", equalTo("/Users"));
    }
}
