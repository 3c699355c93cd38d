package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.intranet.feed.FeedTestSupport.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.intranet.feed.FeedFixtures;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The monthly giving budget (off by default; the test profile sets 10 people a month): each recipient spends one,
 * and the budget holds under parallel requests.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class RecognitionBudgetTest {
    private static final int BUDGET = 10;

    @Inject
    FeedFixtures fixtures;

    private static int kudos(String giver, List<String> recipients) {
        return given().auth().oauth2(token(giver)).contentType(ContentType.JSON)
                .body("{\"kind\":\"RECOGNITION\",\"body\":\"Thanks\",\"recipients\":[\"" + String.join("\",\"",
                        recipients) + "\"],\"value\":\"Own it\"}").post("/api/posts").then().extract().statusCode();
    }

    private List<String> people(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(fixtures.employee(prefix + i));
        }
        return ids;
    }

    @Test
    void eachRecipientSpendsOneAndAnOverBudgetRecognitionIsA409WithNothingStored() {
        fixtures.employee("rb-giver");
        List<String> team = people("rb-team-", BUDGET);
        assertThat(kudos("rb-giver", team.subList(0, 8))).isEqualTo(201);
        given().auth().oauth2(token("rb-giver")).get("/api/recognition/values").then()
                .body("monthlyBudget", equalTo(BUDGET)).body("remaining", equalTo(2));

        given().auth().oauth2(token("rb-giver")).contentType(ContentType.JSON)
                .body("{\"kind\":\"RECOGNITION\",\"body\":\"Thanks\",\"recipients\":[\"" + String.join("\",\"",
                        team.subList(0, 3)) + "\"],\"value\":\"Own it\"}").post("/api/posts").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("you have recognised 8 of your 10 this month"));
        assertThat(fixtures.postsBy("rb-giver")).isEqualTo(1);
        assertThat(kudos("rb-giver", team.subList(8, 10))).isEqualTo(201);
        given().auth().oauth2(token("rb-giver")).get("/api/recognition/values").then().body("remaining", equalTo(0));
    }

    @Test
    void parallelRecognitionsCannotOverspend() throws Exception {
        fixtures.employee("rb-rush");
        List<String> recipients = people("rb-rush-", 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // eight requests of two people each against a budget of ten: exactly five fit
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<String> pair = List.of(recipients.get(i), recipients.get((i + 1) % 8));
                calls.add(CompletableFuture.supplyAsync(() -> kudos("rb-rush", pair), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.postsBy("rb-rush")).isEqualTo(5);
    }
}
