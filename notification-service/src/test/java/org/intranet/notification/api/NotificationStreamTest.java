package org.intranet.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.PostPublished;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class NotificationStreamTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @TestHTTPResource("/api/notifications/stream")
    URI stream;

    private static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    @Test
    void theStreamPushesANewNotificationToItsRecipientAndToNobodyElse() throws Exception {
        try (SseClient sid = SseClient.open(stream, token("sid"));
                SseClient tess = SseClient.open(stream, token("tess"))) {
            assertThat(sid.status()).isEqualTo(200);
            assertThat(sid.contentType()).startsWith("text/event-stream");
            assertThat(sid.next(EVENTUALLY).name()).isEqualTo("ready");
            assertThat(tess.next(EVENTUALLY).name()).isEqualTo("ready");

            PostPublished forSid = Events.post("hanna", "<p>Hello <b>@sid</b></p>", List.of("all"), "sid");
            Events.publishPost(forSid);
            SseClient.Event pushed = sid.next("notification", EVENTUALLY);
            assertThat(pushed).isNotNull();
            assertThat(pushed.name()).isEqualTo("notification");
            JsonNode view = new ObjectMapper().readTree(pushed.data());
            assertThat(view.get("postId").asText()).isEqualTo(forSid.postId());
            assertThat(view.get("type").asText()).isEqualTo("MENTION");
            assertThat(view.get("text").asText()).isEqualTo("Someone mentioned you: Hello @sid");
            assertThat(view.get("read").asBoolean()).isFalse();
            assertThat(pushed.id()).as("the event id is its place in the list, to resume from").isNotBlank()
                    .isNotEqualTo(view.get("id").asText());

            // sid's push already happened; anything tess received before her own would have come first. A marker
            // for sid on the same key (so consumed after tess's post) must be the next thing sid sees.
            String key = "stream-order-" + UUID.randomUUID();
            PostPublished forTess = Events.post("hanna", "<p>Hi @tess</p>", List.of("all"), "tess");
            PostPublished marker = Events.post("hanna", "<p>Marker for @sid</p>", List.of("all"), "sid");
            Events.publishPost(key, UUID.randomUUID().toString(), forTess);
            Events.publishPost(key, UUID.randomUUID().toString(), marker);
            List<String> tessSaw = new ArrayList<>();
            Instant deadline = Instant.now().plus(EVENTUALLY);
            while (!tessSaw.contains(forTess.postId()) && Instant.now().isBefore(deadline)) {
                SseClient.Event event = tess.next("notification", Duration.ofSeconds(1));
                if (event != null) {
                    tessSaw.add(new ObjectMapper().readTree(event.data()).get("postId").asText());
                }
            }
            assertThat(tessSaw).containsExactly(forTess.postId());
            SseClient.Event sidNext = sid.next("notification", EVENTUALLY);
            assertThat(sidNext).isNotNull();
            assertThat(new ObjectMapper().readTree(sidNext.data()).get("postId").asText())
                    .as("sid gets nothing of tess's: his next event is the marker").isEqualTo(marker.postId());
        }
    }

    @Test
    void theStreamSendsHeartbeatsAndEndsWhenTheTokenExpires() throws Exception {
        String shortLived = TestTokens.user("vera").expiresIn(Duration.ofSeconds(3)).sign();
        try (SseClient vera = SseClient.open(stream, shortLived)) {
            assertThat(vera.next(EVENTUALLY).name()).isEqualTo("ready");
            assertThat(vera.awaitEnd(Duration.ofSeconds(1))).as("still open before expiry").isFalse();
            assertThat(vera.awaitEnd(Duration.ofSeconds(15))).as("closed once the token expired").isTrue();
            assertThat(vera.comments()).as("heartbeats (every second in tests) while it was open").isPositive();
        }
    }

    @Test
    void aNotificationWithheldByTheAudienceIsNotPushedEither() throws Exception {
        try (SseClient uma = SseClient.open(stream, token("uma"))) {
            assertThat(uma.next(EVENTUALLY).name()).isEqualTo("ready");
            String key = "withheld-" + UUID.randomUUID();
            PostPublished secret = Events.groupPost("hanna", "private-g9", "uma");
            Events.publishPost(key, UUID.randomUUID().toString(), secret);
            PostPublished open = Events.post("hanna", "<p>Open news @uma</p>", List.of("all"), "uma");
            Events.publishPost(key, UUID.randomUUID().toString(), open);

            SseClient.Event first = uma.next("notification", EVENTUALLY);
            assertThat(first).isNotNull();
            assertThat(new ObjectMapper().readTree(first.data()).get("postId").asText())
                    .as("the private-group post, consumed first, was not pushed").isEqualTo(open.postId());
        }
    }

    /**
     * Another replica is another database session: it writes the notification and signals it in its transaction.
     * This replica's stream gets it though it never saw the event; a rolled-back one is never pushed.
     */
    @Test
    void aNotificationWrittenByAnotherReplicaReachesTheStreamHere() throws Exception {
        String recipient = "replica-" + UUID.randomUUID();
        try (SseClient stream = SseClient.open(this.stream, token(recipient));
                Connection otherReplica = otherReplica()) {
            assertThat(stream.next(EVENTUALLY).name()).isEqualTo("ready");
            otherReplica.setAutoCommit(false);
            UUID rolledBack = writeAndSignal(otherReplica, recipient, "Rolled back");
            otherReplica.rollback();
            UUID committed = writeAndSignal(otherReplica, recipient, "From replica B");
            otherReplica.commit();

            SseClient.Event pushed = stream.next("notification", EVENTUALLY);
            assertThat(pushed).isNotNull();
            JsonNode view = new ObjectMapper().readTree(pushed.data());
            assertThat(view.get("id").asText()).as("the rolled-back one never came").isEqualTo(committed.toString())
                    .isNotEqualTo(rolledBack.toString());
            assertThat(view.get("text").asText()).isEqualTo("From replica B");
            SseClient.Event count = stream.next(EVENTUALLY);
            assertThat(count.name()).isEqualTo("unread-count");
            assertThat(new ObjectMapper().readTree(count.data()).get("count").asLong()).isEqualTo(1);
        }
    }

    @Test
    void reconnectingWithTheLastEventIdReplaysWhatWasMissedInOrder() throws Exception {
        String recipient = "resume-" + UUID.randomUUID();
        String lastSeen;
        try (SseClient first = SseClient.open(stream, token(recipient))) {
            assertThat(first.next(EVENTUALLY).name()).isEqualTo("ready");
            Events.publishPost(Events.post("hanna", "<p>One @x</p>", List.of("all"), recipient));
            lastSeen = first.next("notification", EVENTUALLY).id();
        }
        String key = "resume-" + UUID.randomUUID();
        PostPublished two = Events.post("hanna", "<p>Two @x</p>", List.of("all"), recipient);
        PostPublished three = Events.post("hanna", "<p>Three @x</p>", List.of("all"), recipient);
        Events.publishPost(key, UUID.randomUUID().toString(), two);
        Events.publishPost(key, UUID.randomUUID().toString(), three);
        org.awaitility.Awaitility.await().atMost(EVENTUALLY).until(() -> io.restassured.RestAssured.given().auth()
                .oauth2(token(recipient)).get("/api/notifications/unread-count").then().extract().jsonPath()
                .getLong("count") == 3);

        try (SseClient again = SseClient.open(stream, token(recipient), lastSeen)) {
            assertThat(again.next(EVENTUALLY).name()).isEqualTo("ready");
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replayed.add(new ObjectMapper().readTree(again.next("notification", EVENTUALLY).data())
                        .get("postId").asText());
            }
            assertThat(replayed).containsExactly(two.postId(), three.postId());
        }
        try (SseClient garbage = SseClient.open(stream, token(recipient), "not-an-event-id")) {
            assertThat(garbage.next(EVENTUALLY).name()).as("an unreadable id resumes nothing, and fails nothing")
                    .isEqualTo("ready");
            assertThat(garbage.next(EVENTUALLY).name()).isEqualTo("unread-count");
        }
    }

    private static Connection otherReplica() throws Exception {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        properties.setProperty("password", config.getValue("quarkus.datasource.password", String.class));
        properties.setProperty("currentSchema", "notification");
        return new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class),
                properties);
    }

    /** What {@code NotificationWriter} and {@code LiveNotifications} do, from another session. */
    private static UUID writeAndSignal(Connection connection, String recipient, String text) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO notifications (id, recipient_id, type, group_key, actor_id, text, audience, created_at)
                VALUES (?, ?, 'FOLLOW', ?, 'someone', ?, ARRAY['all'], now())""");
                PreparedStatement signal = connection.prepareStatement(
                        "SELECT pg_notify('intranet_notifications', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, Events.id(recipient));
            insert.setString(3, "follow:" + id);
            insert.setString(4, text);
            insert.executeUpdate();
            signal.setString(1, "n:" + id + ":" + Events.id(recipient));
            signal.executeQuery().close();
        }
        return id;
    }
}
