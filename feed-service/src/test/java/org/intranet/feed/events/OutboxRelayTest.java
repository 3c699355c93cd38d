package org.intranet.feed.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.intranet.contracts.Topics;
import org.intranet.testsupport.quarkus.BrokerControl;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {
    @Inject
    EntityManager em;

    private Object sentAt(String postId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT sent_at FROM outbox WHERE aggregateid = :id").setParameter("id", postId).getSingleResult());
    }

    @Test
    void postsAreAcceptedWhileTheBrokerIsDownAndTheirEventsFollowOnceItIsBack() {
        BrokerControl.stopBroker();
        String id;
        try {
            id = given().auth().oauth2(token("alice")).contentType(ContentType.JSON)
                    .body("{\"kind\":\"UPDATE\",\"body\":\"written during an outage " + UUID.randomUUID() + "\"}")
                    .post("/api/posts").then().statusCode(201).extract().path("id");
            String postId = id;
            // the relay keeps trying; the event waits in the outbox
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> sentAt(postId) == null);
        } finally {
            BrokerControl.restartBroker();
        }
        String postId = id;
        await().atMost(Duration.ofSeconds(60)).until(() -> sentAt(postId) != null);
        var delivered = topics().await(Topics.FEED, r -> postId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(delivered).hasSize(1);
    }
}
