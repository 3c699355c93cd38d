package org.intranet.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;

/** What feed tests share: the real broker's topics, tokens, and employees announced as profile events. */
public final class FeedTestSupport {
    private FeedTestSupport() {
    }

    public static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    /** Publishes an employee.created event as profile-service would. */
    public static void announceEmployee(String username, String department, String location) {
        announce(username, department, location, "ACTIVE", 0, EventTypes.EMPLOYEE_CREATED);
    }

    /** Publishes the employee.updated event of someone leaving (status LEFT), as profile-service would. */
    public static void announceLeaver(String username, String department, String location) {
        announce(username, department, location, "LEFT", 1, EventTypes.EMPLOYEE_UPDATED);
    }

    private static void announce(String username, String department, String location, String status, long version,
            String type) {
        String id = TestTokens.stableId(username);
        String payload = """
                {"id":"%s","username":"%s","displayName":"%s Test","email":"%s@example.com","department":"%s",
                 "location":"%s","skills":[],"status":"%s","version":%d,"updatedAt":"%s"}"""
                .formatted(id, username, username, username, department, location, status, version, Instant.now());
        topics().send(Topics.PROFILE, id, payload, TestTopics.cloudEventHeaders(UUID.randomUUID().toString(), type,
                EventTypes.PROFILE_SOURCE, id));
    }

    /** Publishes the employee.erased event of an admin's GDPR erasure, as profile-service would. */
    public static void announceErased(String username) {
        String id = TestTokens.stableId(username);
        String payload = "{\"id\":\"%s\",\"erasedAt\":\"%s\",\"by\":\"admin\"}".formatted(id, Instant.now());
        topics().send(Topics.PROFILE, id, payload, TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                EventTypes.EMPLOYEE_ERASED, EventTypes.PROFILE_SOURCE, id));
    }

    /** An event's payload as JSON (the outbox stores it as jsonb, so compare fields, not text). */
    public static com.fasterxml.jackson.databind.JsonNode json(
            org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<String> ids(String... usernames) {
        return java.util.Arrays.stream(usernames).map(TestTokens::stableId).toList();
    }
}
