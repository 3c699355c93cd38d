package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Two replicas of notification-service: the stack's, and a second one started here from the same jar on the same
 * database and broker (it joins the consumer group, so either may consume a post). A client on each replica's live
 * stream gets the mention, whichever replica consumed it: PostgreSQL NOTIFY carries it across.
 */
class NotificationReplicasIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static Process replica;
    private static String replicaUrl;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        replicaUrl = "http://127.0.0.1:" + port;
        Path jar = Path.of("..", "notification-service", "target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the stack's notification-service jar").exists();
        Path log = Path.of("target", "notification-replica.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("intranet.jdbc",
                "jdbc:postgresql://127.0.0.1:5432/intranet"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("intranet.kafka", "127.0.0.1:9092"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", Stack.KEYCLOAK + "/realms/intranet");
        // the stack's cursor key: a stream's event id is a cursor, valid on either replica
        env.put("INTRANET_PAGING_CURSOR_KEY", "local-stack-cursor-key-not-a-secret");
        env.put("INTRANET_NOTIFICATION_EMAIL_UNSUBSCRIBE_SECRET", "replica-under-test-" + UUID.randomUUID());
        // e-mail is the stack replica's to send (either could; this keeps the SMTP log to one sender)
        env.put("INTRANET_NOTIFICATION_EMAIL_POLL", "off");
        replica = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(replica.isAlive()).as("the second replica died; see " + log.toAbsolutePath()).isTrue();
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create(replicaUrl + "/q/health/ready")).build();
                return HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        if (replica != null) {
            replica.destroy();
            if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
            }
        }
    }

    @Test
    void aMentionReachesTheRecipientsStreamOnEitherReplica() throws Exception {
        String alice = Stack.token("alice");
        String bob = Stack.token("bob");
        try (Sse onA = Sse.open(Stack.NOTIFICATION, bob); Sse onB = Sse.open(replicaUrl, bob)) {
            assertThat(onA.next("ready")).isNotNull();
            assertThat(onB.next("ready")).isNotNull();
            for (int i = 0; i < 3; i++) { // three posts: their keys spread them over both replicas' partitions
                String marker = UUID.randomUUID().toString().substring(0, 8);
                String postId = Stack.as(alice, Stack.FEED).contentType(ContentType.JSON)
                        .body(Map.of("kind", "UPDATE", "body", "Replicas @bob (" + marker + ")"))
                        .post("/api/posts").then().statusCode(201).extract().path("id");
                assertThat(onA.nextMentioning(postId)).as("stream on the stack's replica").isTrue();
                assertThat(onB.nextMentioning(postId)).as("stream on the second replica").isTrue();
            }
        }
    }

    /** A minimal Server-Sent Events reader. */
    private static final class Sse implements AutoCloseable {
        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final HttpResponse<java.io.InputStream> response;

        private Sse(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "sse-e2e");
            reader.setDaemon(true);
            reader.start();
        }

        static Sse open(String base, String token) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Sse(response);
        }

        /** The data of the next event with this name, or null after a minute. */
        String next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            while (System.nanoTime() < deadline) {
                String[] event = events.poll(1, TimeUnit.SECONDS);
                if (event != null && event[0].equals(name)) {
                    return event[1];
                }
            }
            return null;
        }

        boolean nextMentioning(String postId) throws InterruptedException {
            String data;
            while ((data = next("notification")) != null) {
                if (data.contains("\"postId\":\"" + postId + "\"")) {
                    return true;
                }
            }
            return false;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new String[] {name, data.toString()});
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
