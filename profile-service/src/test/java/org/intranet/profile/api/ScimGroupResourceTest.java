package org.intranet.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.intranet.profile.api.ScimSupport.createUser;
import static org.intranet.profile.api.ScimSupport.patch;
import static org.intranet.profile.api.ScimSupport.scim;
import static org.intranet.profile.api.ScimSupport.unique;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** SCIM Groups: members in and out as Entra ID and Okta send them, each change published as a delta. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ScimGroupResourceTest {

    private static String createGroup(String name, String... members) {
        String list = String.join(",", java.util.Arrays.stream(members).map(m -> "{\"value\":\"" + m + "\"}")
                .toList());
        return scim().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","externalId":"ext-%s",
                 "members":[%s]}""".formatted(name, name, list))
                .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
    }

    private static boolean readMember(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value()).get("member").asBoolean();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> members(String group) {
        return scim().get("/scim/v2/Groups/" + group).then().statusCode(200).extract().jsonPath()
                .getList("members.value");
    }

    @Test
    void membersComeAndGoInEveryFormTheClientsSend() throws Exception {
        String ann = createUser(unique("ann"), null);
        String ben = createUser(unique("ben"), null);
        String cat = createUser(unique("cat"), null);
        String dan = createUser(unique("dan"), null);
        String name = unique("Paris office");
        String group = createGroup(name, ann);
        assertThat(members(group)).containsExactly(ann);
        // Entra ID: capitalised Add of several
        patch("/scim/v2/Groups/" + group, """
                {"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}"""
                .formatted(ben, cat, dan)).statusCode(204);
        assertThat(members(group)).containsExactlyInAnyOrder(ann, ben, cat, dan);
        // Entra ID: removal with a value list
        patch("/scim/v2/Groups/" + group, """
                {"op":"Remove","path":"members","value":[{"value":"%s"}]}""".formatted(ben)).statusCode(204);
        // the RFC's removal by a value filter
        patch("/scim/v2/Groups/" + group, """
                {"op":"remove","path":"members[value eq \\"%s\\"]"}""".formatted(cat)).statusCode(204);
        assertThat(members(group)).containsExactlyInAnyOrder(ann, dan);
        // a rename without a path, echoing the id as Okta does
        patch("/scim/v2/Groups/" + group, """
                {"op":"replace","value":{"id":"%s","displayName":"%s renamed"}}""".formatted(group, name))
                .statusCode(204);
        // Entra ID's lookup: by name, without members
        scim().get("/scim/v2/Groups?excludedAttributes=members&filter=displayName eq \"" + name + " renamed\"").then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(group))
                .body("Resources[0]", not(hasKey("members")));
        scim().get("/scim/v2/Groups?filter=members[value eq \"" + dan + "\"]").then().body("Resources.id", org.hamcrest.Matchers.hasItem(group));
        // the group as it is, and one record per membership keyed by it, in order
        TestTopics topics = new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        List<ConsumerRecord<String, String>> changes = topics.await(Topics.PROFILE, r -> group.equals(r.key())
                && EventTypes.DIRECTORY_GROUP_CHANGED.equals(TestTopics.header(r, "ce_type")), 5,
                Duration.ofSeconds(20));
        assertThat(new ObjectMapper().readTree(changes.get(4).value()).get("displayName").asText())
                .isEqualTo(name + " renamed");
        List<ConsumerRecord<String, String>> bens = topics.await(Topics.PROFILE,
                r -> (group + "/" + ben).equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(bens).extracting(r -> readMember(r)).containsExactly(true, false);
        List<ConsumerRecord<String, String>> cats = topics.await(Topics.PROFILE,
                r -> (group + "/" + cat).equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(cats).extracting(r -> readMember(r)).containsExactly(true, false);
        // PUT sets the whole list; a deleted user leaves every group
        scim().body("""
                {"displayName":"%s","members":[{"value":"%s"},{"value":"%s"}]}""".formatted(name, ann, ben))
                .put("/scim/v2/Groups/" + group).then().statusCode(200)
                .body("members.value", containsInAnyOrder(ann, ben));
        scim().delete("/scim/v2/Users/" + ann).then().statusCode(204);
        assertThat(members(group)).containsExactly(ben);
        // several leave at once by a value list; an admin's erasure takes a member out too
        patch("/scim/v2/Groups/" + group, """
                {"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}""".formatted(cat, dan))
                .statusCode(204);
        patch("/scim/v2/Groups/" + group, """
                {"op":"Remove","path":"members","value":[{"value":"%s"},{"value":"%s"}]}""".formatted(ben, cat))
                .statusCode(204);
        assertThat(members(group)).containsExactly(dan);
        io.restassured.RestAssured.given().auth().oauth2(org.intranet.testsupport.oidc.TestTokens.user("grp-admin")
                .roles("employee", "admin").sign()).delete("/api/profiles/" + dan).then().statusCode(204);
        assertThat(members(group)).isEmpty();
        scim().delete("/scim/v2/Groups/" + group).then().statusCode(204);
        scim().get("/scim/v2/Groups/" + group).then().statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void concurrentMemberChangesQueueInsteadOfFailing() throws Exception {
        List<String> people = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(createUser(unique("q" + i), null));
        }
        String group = createGroup(unique("Queue"));
        // one thread per request, released together: the common pool has one thread on a 2-core machine
        var pool = java.util.concurrent.Executors.newFixedThreadPool(people.size());
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> calls = people.stream().map(p -> pool.submit(() -> {
            start.await();
            return scim().body("""
                    {"Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}""".formatted(p))
                    .patch("/scim/v2/Groups/" + group).statusCode();
        })).toList();
        start.countDown();
        for (var call : calls) {
            assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(204);
        }
        pool.shutdown();
        assertThat(members(group)).containsExactlyInAnyOrderElementsOf(people);
    }

    @Test
    void groupRefusalsAreScimErrors() {
        String name = unique("Legal");
        String group = createGroup(name);
        scim().body("{\"displayName\":\"" + name.toUpperCase() + "\"}").post("/scim/v2/Groups").then()
                .statusCode(409).body("scimType", equalTo("uniqueness"));
        patch("/scim/v2/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        patch("/scim/v2/Groups/" + group, "{\"op\":\"add\",\"path\":\"owner\",\"value\":\"x\"}")
                .statusCode(400).body("scimType", equalTo("invalidPath"));
        patch("/scim/v2/Groups/" + group, "{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}")
                .statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim().header("If-Match", "W/\"999\"").delete("/scim/v2/Groups/" + group).then().statusCode(412);
        scim().body("{\"members\":[]}").post("/scim/v2/Groups").then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().get("/scim/v2/Groups?filter=members eq null").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        patch("/scim/v2/Groups/" + group, "{\"op\":\"replace\",\"value\":{\"id\":\"another\"}}").statusCode(400)
                .body("scimType", equalTo("mutability"));
    }
}
