package org.intranet.feed.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class ProfileEventsConsumerTest {
    private static final String DLQ = Topics.deadLetter(Topics.PROFILE, "feed");
    @Inject
    EntityManager em;

    private static String snapshot(String id, String username, String department, long version) {
        return """
                {"id":"%s","username":"%s","displayName":"%s","department":"%s","location":"Paris",
                 "skills":[],"status":"ACTIVE","version":%d,"updatedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(id, username, username, department, version);
    }

    private void send(String eventId, String employeeId, String payload) {
        topics().send(Topics.PROFILE, employeeId, payload, TestTopics.cloudEventHeaders(eventId,
                EventTypes.EMPLOYEE_UPDATED, EventTypes.PROFILE_SOURCE, employeeId));
    }

    private String department(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var rows = em.createNativeQuery("SELECT department FROM employees WHERE id = :id")
                    .setParameter("id", id).getResultList();
            return rows.isEmpty() ? null : String.valueOf(rows.get(0));
        });
    }

    private long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_events WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        send(eventId, id, snapshot(id, "twice-" + id.substring(0, 8), "Sales", 1));
        send(eventId, id, snapshot(id, "twice-" + id.substring(0, 8), "Sales", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Sales".equals(department(id)));
        // a later, different event proves both copies of the first were consumed before it
        send(UUID.randomUUID().toString(), id, snapshot(id, "twice-" + id.substring(0, 8), "Legal", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Legal".equals(department(id)));
        assertThat(processed(eventId)).isEqualTo(1);
    }

    @Test
    void anOlderSnapshotDoesNotOverwriteANewerOne() {
        String id = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), id, snapshot(id, "ver-" + id.substring(0, 8), "Finance", 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Finance".equals(department(id)));
        String stale = UUID.randomUUID().toString();
        send(stale, id, snapshot(id, "ver-" + id.substring(0, 8), "Marketing", 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(stale) == 1);
        assertThat(department(id)).isEqualTo("Finance");
    }

    @Test
    void aSnapshotOfTheSameVersionChangesNothing() {
        String id = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), id, snapshot(id, "same-" + id.substring(0, 8), "Finance", 4));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Finance".equals(department(id)));
        String replayed = UUID.randomUUID().toString();
        send(replayed, id, snapshot(id, "same-" + id.substring(0, 8), "Marketing", 4));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(replayed) == 1);
        assertThat(department(id)).isEqualTo("Finance");
    }

    @Test
    void handlesDifferingOnlyInCaseAreTwoPeopleNotAPoisonEvent() {
        String upper = UUID.randomUUID().toString();
        String lower = UUID.randomUUID().toString();
        String handle = "Case" + upper.substring(0, 6);
        send(UUID.randomUUID().toString(), upper, snapshot(upper, handle, "Sales", 1));
        send(UUID.randomUUID().toString(), lower, snapshot(lower, handle.toLowerCase(), "Legal", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Sales".equals(department(upper))
                && "Legal".equals(department(lower)));
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String id = UUID.randomUUID().toString();
        String badJson = UUID.randomUUID().toString();
        send(badJson, id, "{not json");
        topics().send(Topics.PROFILE, id, snapshot(id, "nohdr", "Sales", 1), java.util.Map.of());
        send(UUID.randomUUID().toString(), id, snapshot(id, "after-poison-" + id.substring(0, 8), "Ops", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> "Ops".equals(department(id)));
        var dead = topics().await(DLQ, r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TestTopics.header(r, "dead-letter-reason")).allSatisfy(
                reason -> assertThat(reason).isNotBlank());
        assertThat(dead).anySatisfy(r -> assertThat(TestTopics.header(r, "ce_id")).isEqualTo(badJson));
    }
}
