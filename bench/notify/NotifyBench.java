// The notification benchmark's load process (bench/notify-bench.sh runs it with JDK 21+ as a single-file program,
// on test-support's classpath for kafka-clients). Three modes, each printing "key value" lines the script reads:
//   latency  opens STREAMS live streams spread over the users of a token file, then posts MENTIONS mentions through
//            feed-service, one every INTERVAL ms, each naming one user, and times each from the 201 to its arrival
//            on every stream of that user
//   burst    produces EVENTS reaction.set events at RATE/s straight to intranet.feed (as feed-service would), over
//            POSTS posts by the bench users, each reaction by another person: notification-service's consumption
//            is then timed by the script
//   reach    HR publishes an announcement to a department through feed-service; SAMPLE members poll their own
//            notification list at once until it shows it
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

public class NotifyBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern POST_ID = Pattern.compile("\"postId\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record User(String username, String id, String token) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "latency" -> latency(a);
            case "burst" -> burst(a);
            case "reach" -> reach(a);
            default -> throw new IllegalArgumentException("mode: latency | burst | reach");
        }
    }

    /** Lines of "username id token". */
    static List<User> users(String file) throws IOException {
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                users.add(new User(f[0], f[1], f[2]));
            }
        }
        return users;
    }

    static void say(String text) {
        System.err.printf("[bench %tT] %s%n", java.time.LocalTime.now(), text);
    }

    // --- latency --------------------------------------------------------------------------------

    /** One open stream: arrival times of the posts its notifications are about. */
    static final class Stream {
        final User user;
        final CountDownLatch ready = new CountDownLatch(1);
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        volatile InputStream body;

        Stream(User user) {
            this.user = user;
        }

        void read(InputStream in) {
            body = in;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String event = null;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                        if (event.equals("ready")) {
                            ready.countDown();
                        }
                    } else if (line.startsWith("data:") && "notification".equals(event)) {
                        Matcher m = POST_ID.matcher(line);
                        if (m.find()) {
                            arrivals.putIfAbsent(m.group(1), System.nanoTime());
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (IOException e) {
                // closed at the end
            }
        }
    }

    static long rssKb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no such process
        }
        return -1;
    }

    static void latency(Map<String, String> a) throws Exception {
        List<User> users = users(a.get("tokens"));
        User poster = users.remove(0);
        int streams = Integer.parseInt(a.get("streams"));
        int mentions = Integer.parseInt(a.get("mentions"));
        long interval = Long.parseLong(a.getOrDefault("interval", "100"));
        String pid = a.getOrDefault("pid", "self");
        long rssBefore = rssKb(pid);
        List<Stream> open = new ArrayList<>();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        long t0 = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            Stream stream = new Stream(users.get(i % users.size()));
            open.add(stream);
            HttpRequest request = HttpRequest.newBuilder(URI.create(a.get("notify") + "/api/notifications/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + stream.user.token())
                    .build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenAccept(response -> readers.submit(() -> stream.read(response.body())));
            if ((i + 1) % 250 == 0) {
                say("streams: " + (i + 1) + " of " + streams + " requested");
            }
        }
        for (Stream stream : open) {
            if (!stream.ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a stream of " + stream.user.username() + " never said ready");
            }
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        say(String.format("streams: %d open and ready in %.1f s (%.0f/s)", streams, openSeconds,
                streams / openSeconds));
        Thread.sleep(2000); // let the service settle (buffers, GC) before reading its memory
        long rssOpen = rssKb(pid);

        Map<String, List<Stream>> byUser = new HashMap<>();
        open.forEach(s -> byUser.computeIfAbsent(s.user.id(), k -> new ArrayList<>()).add(s));
        Random random = new Random(42);
        List<String[]> posted = new ArrayList<>(); // postId, userId, nanoTime of the 201
        for (int m = 0; m < mentions; m++) {
            User target = users.get(random.nextInt(Math.min(users.size(), streams)));
            String body = "{\"kind\":\"UPDATE\",\"body\":\"Latency check @" + target.username() + " " + m + "\"}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(a.get("feed") + "/api/posts"))
                    .header("Authorization", "Bearer " + poster.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("posting answered " + response.statusCode() + ": " + response.body());
            }
            Matcher id = ID.matcher(response.body());
            if (!id.find() || !response.body().contains(target.id())) {
                throw new IllegalStateException("the post does not name " + target.username() + ": " + response.body());
            }
            posted.add(new String[] {id.group(1), target.id(), Long.toString(at)});
            Thread.sleep(interval);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Double> samples = new ArrayList<>();
        int missing = 0;
        for (String[] p : posted) {
            for (Stream s : byUser.get(p[1])) {
                Long arrived;
                while ((arrived = s.arrivals.get(p[0])) == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (arrived == null) {
                    missing++;
                } else {
                    samples.add((arrived - Long.parseLong(p[2])) / 1e6);
                }
            }
        }
        long rssAfter = rssKb(pid);
        open.forEach(s -> {
            try {
                if (s.body != null) {
                    s.body.close();
                }
            } catch (IOException e) {
                // closing
            }
        });
        readers.shutdownNow();
        Collections.sort(samples);
        System.out.printf("streams %d%nopen_seconds %.1f%nrss_before_mb %.0f%nrss_open_mb %.0f%nrss_after_mb %.0f%n",
                streams, openSeconds, rssBefore / 1024.0, rssOpen / 1024.0, rssAfter / 1024.0);
        System.out.printf("mentions %d%nsamples %d%nmissing %d%np50_ms %.1f%np90_ms %.1f%np99_ms %.1f%nmax_ms %.1f%n",
                mentions, samples.size(), missing, pct(samples, 50), pct(samples, 90), pct(samples, 99),
                samples.isEmpty() ? 0 : samples.get(samples.size() - 1));
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // --- burst ----------------------------------------------------------------------------------

    static void burst(Map<String, String> a) throws Exception {
        List<User> users = users(a.get("tokens"));
        int events = Integer.parseInt(a.get("events"));
        int rate = Integer.parseInt(a.get("rate"));
        int posts = Integer.parseInt(a.get("posts"));
        String run = a.get("run");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < events; i++) {
                // pace: event i is due at t0 + i/rate
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int post = i % posts;
                User author = users.get(post % users.size());
                String postId = "nbench-" + run + "-post-" + post;
                String value = "{\"postId\":\"" + postId + "\",\"commentId\":null,\"employeeId\":\"nbench-reactor-" + run
                        + "-" + i + "\",\"targetAuthorId\":\"" + author.id() + "\",\"type\":\"LIKE\",\"previousType\":null,"
                        + "\"groupId\":null,\"audience\":[\"all\"],\"at\":\"" + Instant.now() + "\"}";
                ProducerRecord<String, String> record = new ProducerRecord<>("intranet.feed", postId, value);
                Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", "nbench-" + run + "-" + i,
                        "ce_type", "intranet.feed.reaction.set.v1", "ce_source", "/intranet/feed-service",
                        "ce_subject", postId, "content-type", "application/json");
                headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                producer.send(record, (meta, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " reactions could not be produced");
        }
        System.out.printf("produced %d%nproduce_seconds %.2f%nproduce_rate %.0f%n", events, seconds, events / seconds);
    }

    // --- reach ----------------------------------------------------------------------------------

    static void reach(Map<String, String> a) throws Exception {
        List<User> users = users(a.get("tokens"));
        int sample = Integer.parseInt(a.get("sample"));
        String body = "{\"kind\":\"ANNOUNCEMENT\",\"body\":\"<p>Bench announcement " + System.nanoTime()
                + "</p>\",\"mustRead\":true,\"audience\":{\"departments\":[\"" + a.get("dept") + "\"]}}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(a.get("feed") + "/api/posts"))
                .header("Authorization", "Bearer " + a.get("hr")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long published = System.nanoTime();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("announcing answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        id.find();
        String postId = id.group(1);
        List<Double> seen = new CopyOnWriteArrayList<>();
        try (ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor()) {
            // the first line is HR, who wrote it (an author is never notified of their own announcement)
            for (User user : users.subList(1, sample + 1)) {
                pollers.submit(() -> {
                    long deadline = published + TimeUnit.SECONDS.toNanos(30);
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(a.get("notify")
                                + "/api/notifications?limit=5")).header("Authorization", "Bearer " + user.token())
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (list.body().contains(postId)) {
                            seen.add((System.nanoTime() - published) / 1e6);
                            return null;
                        }
                        Thread.sleep(50);
                    }
                    return null;
                });
            }
        }
        List<Double> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        System.out.printf("post %s%nsample %d%nseen %d%nseen_p50_ms %.0f%nseen_max_ms %.0f%n", postId, sample,
                sorted.size(), pct(sorted, 50), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }
}
