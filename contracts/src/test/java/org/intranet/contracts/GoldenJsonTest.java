package org.intranet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire format of every payload is pinned by a golden file. Within a version fields may only be added: a
 * rename or removal breaks these tests (old golden fields must still be written), and a reader must accept
 * fields it does not know yet.
 */
class GoldenJsonTest {
    // configured as Quarkus configures its ObjectMapper: ISO-8601 instants, not timestamps
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final EmployeeSnapshot EMPLOYEE = new EmployeeSnapshot("7c1f3a52-0d7e-4b8e-9a61-2f0c5a9d1e44", "alice",
            "Alice Martin", "alice@example.com", "Staff Engineer", "Engineering", "Paris",
            "0b9e6c1d-5a3f-4f2e-8c7d-6e5f4a3b2c1d", List.of("kafka", "quarkus"), "ACTIVE", 3,
            Instant.parse("2026-11-22T09:15:30Z"));

    static final PostPublished POST = new PostPublished("5a7d2c10-8f3e-4b6a-9c1d-2e3f4a5b6c7d",
            "7c1f3a52-0d7e-4b8e-9a61-2f0c5a9d1e44", "UPDATE", "Welcome @bob to #onboarding", null, List.of("all"),
            List.of("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"), List.of("onboarding"),
            Instant.parse("2026-11-22T09:16:00.123456Z"));

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void employeeSnapshotWritesEveryGoldenField() throws IOException {
        JsonNode written = json.valueToTree(EMPLOYEE);
        golden("employee-snapshot.v1.json").fieldNames().forEachRemaining(field ->
                assertThat(String.valueOf(written.get(field))).as(field)
                        .isEqualTo(String.valueOf(goldenField("employee-snapshot.v1.json", field))));
    }

    @Test
    void employeeSnapshotReadsTheGoldenFile() throws IOException {
        assertThat(json.treeToValue(golden("employee-snapshot.v1.json"), EmployeeSnapshot.class)).isEqualTo(EMPLOYEE);
    }

    @Test
    void postPublishedWritesEveryGoldenField() throws IOException {
        JsonNode written = json.valueToTree(POST);
        golden("post-published.v1.json").fieldNames().forEachRemaining(field ->
                assertThat(String.valueOf(written.get(field))).as(field)
                        .isEqualTo(String.valueOf(goldenField("post-published.v1.json", field))));
    }

    @Test
    void postPublishedReadsTheGoldenFile() throws IOException {
        assertThat(json.treeToValue(golden("post-published.v1.json"), PostPublished.class)).isEqualTo(POST);
    }

    @Test
    void readersAcceptFieldsAddedLaterInTheSameVersion() throws IOException {
        ObjectNode newer = (ObjectNode) golden("post-published.v1.json");
        newer.put("pinnedUntil", "2026-12-01T00:00:00Z");
        assertThat(json.treeToValue(newer, PostPublished.class)).isEqualTo(POST);
        ObjectNode newerEmployee = (ObjectNode) golden("employee-snapshot.v1.json");
        newerEmployee.putArray("languages").add("fr");
        assertThat(json.treeToValue(newerEmployee, EmployeeSnapshot.class)).isEqualTo(EMPLOYEE);
    }

    @Test
    void eventTypesFollowTheNamingRule() {
        assertThat(List.of(EventTypes.EMPLOYEE_CREATED, EventTypes.EMPLOYEE_UPDATED, EventTypes.POST_PUBLISHED))
                .allMatch(t -> t.matches("intranet\\.(profile|feed)\\.[a-z]+\\.[a-z]+\\.v\\d+"));
        assertThat(Topics.deadLetter(Topics.FEED, "search")).isEqualTo("intranet.feed.dlq.search");
    }

    private JsonNode goldenField(String file, String field) {
        try {
            return golden(file).get(field);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
