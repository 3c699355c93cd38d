package org.intranet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String ALICE = "7c1f3a52-0d7e-4b8e-9a61-2f0c5a9d1e44";
    private static final String BOB = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    private static final String POST_ID = "5a7d2c10-8f3e-4b6a-9c1d-2e3f4a5b6c7d";
    private static final String COMMENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String GROUP_ID = "c0ffee00-1234-4abc-9def-001122334455";
    private static final Instant AT = Instant.parse("2026-11-22T09:16:00.123456Z");
    private static final List<PostChanged.Link> LINKS =
            List.of(new PostChanged.Link("https://intranet.example.com/handbook", "Handbook"));

    static final EmployeeSnapshot EMPLOYEE = new EmployeeSnapshot(ALICE, "alice", "Alice Martin", "alice@example.com",
            "Staff Engineer", "Engineering", "Paris", "0b9e6c1d-5a3f-4f2e-8c7d-6e5f4a3b2c1d",
            List.of("kafka", "quarkus"), "ACTIVE", 3, Instant.parse("2026-11-22T09:15:30Z"), "Europe/Paris", "she/her",
            "https://intranet.example.com/avatars/alice.png", List.of("fr", "en"), List.of("title", "skills"));

    static final PostPublished POST = new PostPublished(POST_ID, ALICE, "UPDATE", "Welcome @bob to #onboarding", null,
            List.of("all"), List.of(BOB), List.of("onboarding"), AT, LINKS, null, null);

    static final PostPublished RECOGNITION = new PostPublished(POST_ID, ALICE, "RECOGNITION",
            "Thanks @bob for the release!", null, List.of("all"), List.of(BOB), List.of(), AT, List.of(), List.of(BOB),
            "Own it");

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of("employee-snapshot.v1.json", EMPLOYEE),
                Arguments.of("employee-deactivated.v1.json", new EmployeeDeactivated(ALICE, "alice", AT, BOB)),
                Arguments.of("employee-erased.v1.json", new EmployeeErased(ALICE, AT, BOB)),
                Arguments.of("manager-changed.v1.json", new ManagerChanged(ALICE, BOB, null, AT)),
                Arguments.of("department-changed.v1.json", new DepartmentChanged(ALICE, "Engineering", "Sales", AT)),
                Arguments.of("directory-group-changed.v1.json", new DirectoryGroupChanged(GROUP_ID, "Paris office",
                        false, 3, AT)),
                Arguments.of("directory-member-changed.v1.json", new DirectoryMemberChanged(GROUP_ID, ALICE, true, AT)),
                Arguments.of("post-published.v1.json", POST),
                Arguments.of("post-published-recognition.v1.json", RECOGNITION),
                Arguments.of("announcement-published.v1.json", new AnnouncementPublished(POST_ID, ALICE,
                        List.of("dept:Sales", "loc:Paris"), true, AT.plusSeconds(86_400), AT.plusSeconds(604_800),
                        "<p>New travel policy</p>", AT)),
                Arguments.of("announcement-acknowledged.v1.json", new AnnouncementAcknowledged(POST_ID, BOB, AT)),
                Arguments.of("recognition-given.v1.json", new RecognitionGiven(POST_ID, ALICE, List.of(BOB),
                        "Own it", "rocket", null, List.of("all"), "Thanks @bob for the release!", AT)),
                Arguments.of("post-changed.v1.json", new PostChanged(POST_ID, ALICE, "UPDATE",
                        "Welcome @bob to #onboarding and #kafka", null, List.of("all"), List.of(BOB),
                        List.of("onboarding", "kafka"), LINKS, 2, AT)),
                Arguments.of("post-deleted.v1.json", new PostDeleted(POST_ID, ALICE, GROUP_ID,
                        List.of("group:" + GROUP_ID), BOB, AT)),
                Arguments.of("mentions-resolved.v1.json", new MentionsResolved(POST_ID, null, ALICE,
                        "Welcome @bob", null, List.of("all"), List.of(BOB), AT, ALICE)),
                Arguments.of("comment-changed.v1.json", new CommentChanged(COMMENT_ID, POST_ID, null, BOB, ALICE,
                        null, "Thanks @alice!", GROUP_ID, List.of("group:" + GROUP_ID), List.of(ALICE), null, AT)),
                Arguments.of("reaction-changed.v1.json", new ReactionChanged(POST_ID, null, BOB, ALICE, "CELEBRATE",
                        "LIKE", null, List.of("all"), AT)),
                Arguments.of("group-changed.v1.json", new GroupChanged(GROUP_ID, "Kafka guild",
                        "Streams and events", "PRIVATE", 12, ALICE, 3, AT)),
                Arguments.of("membership-changed.v1.json", new MembershipChanged(GROUP_ID, BOB, "MEMBER",
                        "PRIVATE", ALICE, AT)),
                Arguments.of("follow-changed.v1.json", new FollowChanged(BOB, "TOPIC", "kafka", AT)));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0} is written field for field")
    @MethodSource("payloads")
    void writesEveryGoldenField(String file, Object payload) throws IOException {
        JsonNode written = JSON.valueToTree(payload);
        JsonNode golden = golden(file);
        golden.fieldNames().forEachRemaining(field ->
                assertThat(String.valueOf(written.get(field))).as(field).isEqualTo(String.valueOf(golden.get(field))));
        assertThat(written.size()).as("fields written but not in the golden file").isEqualTo(golden.size());
    }

    @ParameterizedTest(name = "{0} reads back")
    @MethodSource("payloads")
    void readsTheGoldenFile(String file, Object payload) throws IOException {
        assertThat(JSON.treeToValue(golden(file), payload.getClass())).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0} accepts fields added later")
    @MethodSource("payloads")
    void readersAcceptFieldsAddedLaterInTheSameVersion(String file, Object payload) throws IOException {
        ObjectNode newer = (ObjectNode) golden(file);
        newer.put("addedInALaterRelease", "2026-12-01T00:00:00Z");
        assertThat(JSON.treeToValue(newer, payload.getClass())).isEqualTo(payload);
    }

    @Test
    void anEmployeeSnapshotFromBeforeTheDirectoryFieldsStillReads() throws IOException {
        ObjectNode older = (ObjectNode) golden("employee-snapshot.v1.json");
        for (String added : List.of("timeZone", "pronouns", "avatarUrl", "languages", "changed")) {
            older.remove(added);
        }
        EmployeeSnapshot read = JSON.treeToValue(older, EmployeeSnapshot.class);
        assertThat(read.username()).isEqualTo("alice");
        assertThat(read.changed()).isNull();
    }

    @Test
    void postPublishedWithoutLinksStillReads() throws IOException {
        ObjectNode older = (ObjectNode) golden("post-published.v1.json");
        older.remove("links");
        older.remove("recipients");
        older.remove("value");
        PostPublished read = JSON.treeToValue(older, PostPublished.class);
        assertThat(read.links()).isNull();
        assertThat(read.recipients()).isNull();
    }

    @Test
    void eventTypesFollowTheNamingRule() throws IllegalAccessException {
        for (var field : EventTypes.class.getFields()) {
            String value = (String) field.get(null);
            if (!field.getName().endsWith("_SOURCE")) {
                assertThat(value).as(field.getName()).matches("intranet\\.(profile|feed)\\.[a-z]+\\.[a-z]+\\.v\\d+");
            }
        }
        assertThat(Topics.deadLetter(Topics.FEED, "search")).isEqualTo("intranet.feed.dlq.search");
    }
}
