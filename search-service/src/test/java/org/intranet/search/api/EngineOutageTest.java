package org.intranet.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.search.api.SearchFixtures.as;
import static org.intranet.search.api.SearchFixtures.publish;
import static org.intranet.search.api.SearchFixtures.search;
import static org.intranet.search.api.SearchFixtures.topics;
import static org.intranet.search.api.SearchFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.EngineControl;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.OpenSearchResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The engine stops in the middle of a burst of posts: search says so, indexing waits, and nothing is lost. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OpenSearchResource.class, scope = TestResourceScope.GLOBAL)
class EngineOutageTest {
    private static final int BURST = 60;

    @Test
    void indexingPausesWhileTheEngineIsStoppedAndResumesWithNothingLostOrDeadLettered() {
        String word = unique();
        String author = TestTokens.stableId("burst");
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < BURST / 2; i++) {
            posts.add(publish(author, "Burst " + word + " number " + i, List.of("all"), List.of(), "UPDATE", null,
                    Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> search(as("bob", "Sales"), word).getInt("total") > 0);

        EngineControl.stopEngine();
        try {
            for (int i = BURST / 2; i < BURST; i++) {
                posts.add(publish(author, "Burst " + word + " number " + i, List.of("all"), List.of(), "UPDATE",
                        null, Instant.now()));
            }
            as("bob", "Sales").queryParam("q", word).get("/api/search")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            EngineControl.restartEngine();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(search(as("bob", "Sales").queryParam("limit", 100), word).getList("items.id"))
                        .containsExactlyInAnyOrderElementsOf(posts));
        topics().exactly("intranet.feed.dlq.search", r -> posts.contains(r.key()), 0, Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }
}
