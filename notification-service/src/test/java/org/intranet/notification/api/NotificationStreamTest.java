package org.intranet.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
            SseClient.Event pushed = sid.next(EVENTUALLY);
            assertThat(pushed).isNotNull();
            assertThat(pushed.name()).isEqualTo("notification");
            JsonNode view = new ObjectMapper().readTree(pushed.data());
            assertThat(view.get("postId").asText()).isEqualTo(forSid.postId());
            assertThat(view.get("type").asText()).isEqualTo("MENTION");
            assertThat(view.get("text").asText()).isEqualTo("Someone mentioned you: Hello @sid");
            assertThat(view.get("read").asBoolean()).isFalse();
            assertThat(pushed.id()).isEqualTo(view.get("id").asText());

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
                SseClient.Event event = tess.next(Duration.ofSeconds(1));
                if (event != null) {
                    tessSaw.add(new ObjectMapper().readTree(event.data()).get("postId").asText());
                }
            }
            assertThat(tessSaw).containsExactly(forTess.postId());
            SseClient.Event sidNext = sid.next(EVENTUALLY);
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

            SseClient.Event first = uma.next(EVENTUALLY);
            assertThat(first).isNotNull();
            assertThat(new ObjectMapper().readTree(first.data()).get("postId").asText())
                    .as("the private-group post, consumed first, was not pushed").isEqualTo(open.postId());
        }
    }
}
