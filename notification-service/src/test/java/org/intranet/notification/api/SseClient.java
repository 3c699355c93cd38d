package org.intranet.notification.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal Server-Sent Events reader for tests: one background thread parses events into a queue. */
final class SseClient implements AutoCloseable {
    record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger comments = new AtomicInteger();
    private final InputStream body;
    private final int status;
    private final String contentType;

    private SseClient(HttpResponse<InputStream> response) {
        this.body = response.body();
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("content-type").orElse("");
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI uri, String token) throws IOException, InterruptedException {
        return open(uri, token, null);
    }

    /** @param lastEventId sent as {@code Last-Event-ID}, as an EventSource does on reconnect; null for none */
    static SseClient open(URI uri, String token, String lastEventId) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        return new SseClient(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .orTimeout(15, TimeUnit.SECONDS).join());
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** Comment lines (heartbeats) received so far. */
    int comments() {
        return comments.get();
    }

    /** The next event (heartbeat comments are skipped), or null when none arrives in time. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event of this name, skipping others (such as {@code unread-count}), or null when none comes in time. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(new Event(name == null ? "message" : name, id,
                                data == null ? "" : data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String chunk = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(chunk) : data.append('\n').append(chunk);
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended.countDown();
        }
    }

    /** @return true when the server ended the stream within the timeout */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
