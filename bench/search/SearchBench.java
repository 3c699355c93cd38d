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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The search benchmark's load and seed generator (run by bench/search-bench.sh with test-support's class path):
 *
 * <pre>
 *   seed     BOOTSTRAP PEOPLE POSTS      employee.created and post.published events, as profile- and feed-service
 *                                        publish them, straight to the topics (realistic text, tags, audiences)
 *   raw      OPENSEARCH MAPPING POSTS    the same post documents as search-service writes them, _bulk'ed by one
 *                                        client in batches of 500 into a scratch index with the same mapping
 *   query    USER DEPARTMENT LOCATION Q  prints the search body search-service sends for GET /api/search?q=Q
 *   latency  BOOTSTRAP OPENSEARCH RATE SECONDS   posts at RATE/s; time from produce to searchable, per post
 *   word     RANK                        the vocabulary's word of that rank (1 is the most frequent)
 * </pre>
 *
 * Everything is generated from fixed seeds: the same run produces the same people, posts and words.
 */
public class SearchBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] DEPARTMENTS = {"Sales", "Engineering", "Marketing", "Finance", "Legal", "Support",
            "Operations", "Product", "People", "Design", "Research", "Security", "Data", "Facilities", "Procurement",
            "Quality", "Logistics", "Training", "Communications", "Strategy"};
    static final String[] LOCATIONS = {"Paris", "Lyon", "Berlin", "Madrid", "Lisbon", "London", "Dublin", "Milan",
            "Warsaw", "Oslo"};
    static final String[] FIRST = {"Alice", "Bruno", "Chloe", "David", "Emma", "Farid", "Giulia", "Hugo", "Ines",
            "Jonas", "Karin", "Liam", "Maya", "Nils", "Olga", "Pablo", "Quentin", "Rosa", "Sami", "Tara", "Umar",
            "Vera", "Wout", "Xenia", "Yusuf", "Zoe"};
    static final String[] LAST = {"Martin", "Bernard", "Dubois", "Muller", "Schmidt", "Garcia", "Rossi", "Silva",
            "Kowalski", "Hansen", "Murphy", "Smith", "Novak", "Costa", "Weber", "Moreau", "Fischer", "Lopez",
            "Ricci", "Nielsen"};
    static final String[] WORDS = ("the team project launch customer quarterly roadmap release meeting update "
            + "review budget planning sprint demo feedback onboarding training office travel policy expense report "
            + "security incident support ticket deadline milestone partner contract invoice hiring interview welcome "
            + "celebrate congratulations thanks great work shipped feature design research data analytics dashboard "
            + "migration cloud platform service outage maintenance weekend holiday party lunch coffee kitchen parking "
            + "benefits health wellbeing survey results town hall strategy vision goals objectives metrics growth "
            + "revenue pipeline deal renewal marketing campaign event conference webinar workshop learning mentoring "
            + "volunteer charity sustainability energy recycling building floor meeting room booking laptop phone "
            + "password account access network printer software license upgrade version mobile app website search "
            + "documentation guide handbook process approval request form deadline friday monday morning afternoon "
            + "tomorrow today next week month year january february march april spring summer autumn winter")
            .split(" ");
    /**
     * The vocabulary by rank: the common words above first, then a long tail of generated ones (project, product,
     * customer and place names, jargon) drawn from syllables with a fixed seed. Words are drawn with Zipf's law
     * (the word of rank r with weight 1/r), as in written text: the head makes half of every post, and a word of
     * rank 2,000 is in about 0.2% of the posts, so queries that name something specific find a few thousand
     * posts out of a million instead of a quarter of them.
     */
    static final String[] VOCABULARY = vocabulary(30_000);
    static final double[] CUMULATIVE = zipf(VOCABULARY.length);

    static String[] vocabulary(int size) {
        String[] onsets = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr",
                "dr", "gr", "pl", "st", "tr", "sh", "ch", "th"};
        String[] vowels = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
        String[] codas = {"", "", "", "n", "r", "s", "l", "x", "m", "nd", "rt", "st"};
        List<String> words = new ArrayList<>(List.of(WORDS));
        Set<String> seen = new HashSet<>(words);
        Random random = new Random(7);
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + random.nextInt(2); s > 0; s--) {
                w.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            w.append(codas[random.nextInt(codas.length)]);
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        return words.toArray(String[]::new);
    }

    static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < size; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }

    static String word(Random random) {
        int at = Arrays.binarySearch(CUMULATIVE, random.nextDouble());
        return VOCABULARY[at >= 0 ? at : Math.min(-at - 1, VOCABULARY.length - 1)];
    }

    static final String[] TAGS = {"onboarding", "release", "security", "kudos", "travel", "hr", "it", "sales",
            "engineering", "roadmap", "wellbeing", "events", "sustainability", "learning", "townhall", "benefits",
            "office", "product", "customers", "data"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "raw" -> raw(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "query" -> System.out.println(JSON.writeValueAsString(query(args[1], args[2], args[3], args[4])));
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "word" -> System.out.println(VOCABULARY[Integer.parseInt(args[1]) - 1]);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // --- the data set

    static String personId(int i) {
        return UUID.nameUUIDFromBytes(("search-bench-person-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String name(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + " " + i;
    }

    /** One post: a Zipf-ish pick of words (frequent words often, rare ones seldom), 0 to 2 tags, an audience. */
    record Post(String id, String author, String body, List<String> tags, List<String> audience, String groupId,
            Instant createdAt) {
    }

    static Post post(long n, int people, Random random) {
        String id = UUID.nameUUIDFromBytes(("search-bench-post-" + n).getBytes(StandardCharsets.UTF_8)).toString();
        int author = random.nextInt(people);
        int length = 20 + random.nextInt(40);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            text.append(w == 0 ? "" : " ").append(word(random));
        }
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(3); t > 0; t--) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
                text.append(" #").append(tag);
            }
        }
        tags.add("searchbench");
        int kind = random.nextInt(20);
        List<String> audience;
        String groupId = null;
        if (kind < 17) {
            audience = List.of("all");
        } else if (kind < 19) {
            audience = List.of("dept:" + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        } else {
            groupId = "bench-group-" + random.nextInt(200);
            audience = List.of("group:" + groupId);
        }
        Instant created = Instant.parse("2026-11-01T00:00:00Z").minusSeconds((long) (random.nextDouble() * 365 * 86400));
        return new Post(id, personId(author), "<p>" + text + "</p>", tags, audience, groupId, created);
    }

    // --- seed

    static void seed(String bootstrap, int people, int posts) throws Exception {
        long sequence = System.currentTimeMillis() * 1000;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < people; i++) {
                ObjectNode e = JSON.createObjectNode();
                e.put("id", personId(i)).put("username", "sb" + i).put("displayName", name(i))
                        .put("email", "sb" + i + "@bench.intranet.local").put("title", "Specialist")
                        .put("department", DEPARTMENTS[i % DEPARTMENTS.length])
                        .put("location", LOCATIONS[i % LOCATIONS.length]).put("status", "ACTIVE").put("version", 1)
                        .put("updatedAt", Instant.now().toString());
                e.putArray("skills").add(WORDS[i % WORDS.length]);
                send(producer, "intranet.profile", personId(i), "intranet.profile.employee.created.v1",
                        "/intranet/profile-service", e, ++sequence);
            }
            producer.flush();
            progress("people", people, people, t0);
            Random random = new Random(42);
            long t1 = System.nanoTime();
            for (long n = 0; n < posts; n++) {
                Post p = post(n, people, random);
                send(producer, "intranet.feed", p.id(), "intranet.feed.post.published.v1", "/intranet/feed-service",
                        published(p), ++sequence);
                if ((n + 1) % 100_000 == 0 || n + 1 == posts) {
                    producer.flush();
                    progress("posts", n + 1, posts, t1);
                }
            }
        }
    }

    static ObjectNode published(Post p) {
        ObjectNode e = JSON.createObjectNode();
        e.put("postId", p.id()).put("authorId", p.author()).put("kind", "UPDATE").put("body", p.body())
                .put("groupId", p.groupId()).put("createdAt", p.createdAt().toString());
        ArrayNode audience = e.putArray("audience");
        p.audience().forEach(audience::add);
        e.putArray("mentions");
        ArrayNode tags = e.putArray("hashtags");
        p.tags().forEach(tags::add);
        return e;
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String source,
            JsonNode data, long sequence) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(data));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", source, "ce_subject", key, "ce_sequence", Long.toString(sequence),
                "ce_time", Instant.now().toString(), "content-type", "application/json");
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        producer.send(record);
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(p);
    }

    static void progress(String what, long done, long total, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[seed] %s: %d of %d in %.1f s (%.0f/s)%n", what, done, total, seconds, done / seconds);
    }

    // --- raw _bulk

    /** The document search-service writes for a post (IndexDocuments.post), author fields from the seed. */
    static ObjectNode document(Post p, long seq) {
        ObjectNode d = JSON.createObjectNode();
        d.put("type", "post").put("id", p.id()).put("seq", seq).put("indexedAt", Instant.now().toString())
                .put("authorId", p.author()).put("authorName", "Bench Author").put("authorDepartment", "Sales")
                .put("authorLocation", "Paris").put("kind", "UPDATE").put("createdAt", p.createdAt().toString())
                .put("body", p.body()).put("text", p.body().replace("<p>", "").replace("</p>", ""))
                .put("groupId", p.groupId());
        ArrayNode audience = d.putArray("audience");
        p.audience().forEach(audience::add);
        d.putArray("mentions");
        ArrayNode tags = d.putArray("hashtags");
        p.tags().forEach(tags::add);
        d.putArray("recipients");
        d.putNull("value");
        return d;
    }

    static void raw(String openSearch, Path mapping, int posts) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = "search-bench-raw";
        call(http, "DELETE", openSearch + "/" + index + "?ignore_unavailable=true", null);
        ObjectNode definition = (ObjectNode) JSON.readTree(Files.readString(mapping));
        ((ObjectNode) definition.path("settings")).put("number_of_shards", 1).put("number_of_replicas", 0);
        call(http, "PUT", openSearch + "/" + index, JSON.writeValueAsString(definition));
        Random random = new Random(42);
        long t0 = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        for (long n = 0; n < posts; n++) {
            Post p = post(n, 10_000, random);
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(p.id())
                    .append("\",\"version\":").append(n + 1).append(",\"version_type\":\"external_gte\"}}\n")
                    .append(JSON.writeValueAsString(document(p, n + 1))).append('\n');
            if ((n + 1) % 500 == 0 || n + 1 == posts) {
                String reply = call(http, "POST", openSearch + "/_bulk", bulk.toString());
                if (reply.contains("\"errors\":true")) {
                    throw new IllegalStateException("raw bulk had errors: " + reply.substring(0, 500));
                }
                bulk.setLength(0);
                if ((n + 1) % 50_000 == 0) {
                    progress("raw _bulk", n + 1, posts, t0);
                }
            }
        }
        call(http, "POST", openSearch + "/" + index + "/_refresh", null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("raw_docs_per_second %.0f%n", posts / seconds);
        call(http, "DELETE", openSearch + "/" + index, null);
    }

    static String call(HttpClient http, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", url.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !"DELETE".equals(method)) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    // --- the raw query: what search-service's SearchQueries sends for GET /api/search?q=... (type all, page 1, the
    // exact pass: a query that finds something never runs the fuzzy one)

    static Map<String, Object> query(String user, String department, String location, String q) {
        List<String> principals = new ArrayList<>(List.of("all", "user:" + user));
        if (!department.isBlank()) {
            principals.add("dept:" + department);
        }
        if (!location.isBlank()) {
            principals.add("loc:" + location);
        }
        Map<String, Object> visible = Map.of("bool", Map.of("should", List.of(
                Map.of("terms", Map.of("audience", principals)), Map.of("term", Map.of("authorId", user))),
                "minimum_should_match", 1));
        String[] words = q.split(" ");
        List<Object> postMust = words(words, List.of("text", "authorName^2", "hashtags^2", "comments.text^0.5"),
                List.of("text"));
        List<Object> personMust = words(words, List.of("displayName^4", "username^3", "title", "skills.text^2"),
                List.of("displayName.prefix^3", "username.prefix^2"));
        Map<String, Object> live = Map.of("bool", Map.of("must_not", List.of(
                Map.of("range", Map.of("expiresAt", Map.of("lte", "now"))))));
        Map<String, Object> posts = Map.of("function_score", Map.of(
                "query", Map.of("bool", Map.of("filter", List.of(Map.of("term", Map.of("type", "post")), visible, live),
                        "must", postMust)),
                "functions", List.of(Map.of("weight", 1), Map.of("gauss", Map.of("createdAt", Map.of(
                        "origin", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString(),
                        "offset", "1d", "scale", "30d", "decay", 0.5)))),
                "score_mode", "sum", "boost_mode", "multiply"));
        Map<String, Object> people = Map.of("function_score", Map.of(
                "query", Map.of("bool", Map.of("filter", List.of(Map.of("term", Map.of("type", "person")),
                        Map.of("terms", Map.of("status", List.of("ACTIVE", "LEFT")))), "must", personMust)),
                "functions", List.of(Map.of("filter", Map.of("term", Map.of("status", "LEFT")), "weight", 0.3)),
                "boost_mode", "multiply"));
        Map<String, Object> aggs = new LinkedHashMap<>();
        Map<String, List<String>> facets = Map.of("kind", List.of("kind"), "tags", List.of("hashtags"),
                "author", List.of("authorId"), "group", List.of("groupId"),
                "department", List.of("department", "authorDepartment"),
                "location", List.of("location", "authorLocation"));
        facets.forEach((facet, fields) -> fields.forEach(f ->
                aggs.put(facet + "." + f, Map.of("terms", Map.of("field", f, "size", 10)))));
        aggs.put("date", Map.of("date_range", Map.of("field", "createdAt", "keyed", true, "ranges", List.of(
                Map.of("key", "day", "from", "now-1d"), Map.of("key", "week", "from", "now-7d"),
                Map.of("key", "month", "from", "now-30d"), Map.of("key", "year", "from", "now-365d")))));
        Map<String, Object> highlight = Map.of("encoder", "html", "pre_tags", List.of("<em>"),
                "post_tags", List.of("</em>"), "fields", Map.of(
                        "text", Map.of("require_field_match", false, "fragment_size", 150, "number_of_fragments", 3),
                        "comments.text", Map.of("fragment_size", 150, "number_of_fragments", 2),
                        "authorName", Map.of("number_of_fragments", 0), "displayName", Map.of("number_of_fragments", 0),
                        "title", Map.of("number_of_fragments", 0), "skills.text", Map.of("number_of_fragments", 0)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", 21);
        body.put("track_total_hits", true);
        body.put("query", Map.of("bool", Map.of("should", List.of(posts, people), "minimum_should_match", 1)));
        body.put("sort", List.of(Map.of("_score", "desc"), Map.of("id", "asc")));
        body.put("_source", List.of("type", "id", "authorId", "authorName", "kind", "text", "groupId", "hashtags",
                "createdAt", "mustRead", "expiresAt", "recipients", "value", "username", "displayName", "title",
                "department", "location", "status"));
        body.put("highlight", highlight);
        body.put("aggs", aggs);
        return body;
    }

    static List<Object> words(String[] words, List<String> fields, List<String> prefixFields) {
        List<Object> must = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            Map<String, Object> exact = Map.of("multi_match", Map.of("query", words[i], "fields", fields,
                    "operator", "and"));
            if (i == words.length - 1) {
                must.add(Map.of("bool", Map.of("should", List.of(exact, Map.of("multi_match", Map.of("query", words[i],
                        "fields", prefixFields, "type", "phrase_prefix", "max_expansions", 20))),
                        "minimum_should_match", 1)));
            } else {
                must.add(exact);
            }
        }
        return must;
    }

    // --- post → searchable

    static void latency(String bootstrap, String openSearch, int rate, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        // wall-clock milliseconds: produced, and when search-service built the document (its indexedAt), which
        // splits the latency into consuming (Kafka, the batch) and becoming visible (the _bulk, the next refresh)
        Map<String, Long> sentWall = new ConcurrentHashMap<>();
        Map<String, Long> indexedWall = new ConcurrentHashMap<>();
        Map<String, Long> seenWall = new ConcurrentHashMap<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            try {
                long deadline = Long.MAX_VALUE;
                while (seenAt.size() < sentAt.size() || producing.get()) {
                    if (!producing.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + 30_000_000_000L;   // give the last posts 30 s
                    }
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                    List<String> pending = new ArrayList<>();
                    sentAt.keySet().forEach(id -> {
                        if (!seenAt.containsKey(id)) {
                            pending.add(id);
                        }
                    });
                    if (!pending.isEmpty()) {
                        // only the posts not seen yet, by id: a light query, so the poll does not load the engine
                        ObjectNode body = JSON.createObjectNode().put("size", pending.size());
                        body.putArray("_source").add("indexedAt");
                        ArrayNode ids = body.putObject("query").putObject("ids").putArray("values");
                        pending.forEach(ids::add);
                        JsonNode hits = JSON.readTree(call(http, "POST", openSearch + "/posts/_search",
                                JSON.writeValueAsString(body))).path("hits").path("hits");
                        long now = System.nanoTime();
                        long wall = System.currentTimeMillis();
                        for (JsonNode hit : hits) {
                            String id = hit.path("_id").asText();
                            if (seenAt.putIfAbsent(id, now) == null) {
                                seenWall.put(id, wall);
                                indexedWall.put(id, Instant.parse(hit.path("_source").path("indexedAt").asText())
                                        .toEpochMilli());
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        poller.setDaemon(true);
        poller.start();
        long sequence = System.currentTimeMillis() * 1000;
        Random random = new Random();
        long interval = 1_000_000_000L / rate;
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            // two seconds at the rate, not measured: the producer's and the consumer's paths warm up
            for (long n = 0; n < 2L * rate; n++) {
                Post p = post(random.nextLong(), 10_000, random);
                send(producer, "intranet.feed", p.id(), "intranet.feed.post.published.v1", "/intranet/feed-service",
                        published(p), ++sequence);
                producer.flush();
                Thread.sleep(Math.max(1, interval / 1_000_000));
            }
        }
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (long n = 0; n < (long) rate * seconds; n++) {
                long due = start + n * interval;
                // parked, not spinning: a spinning load generator would take one of the machine's two cores
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                Post p = post(random.nextLong(), 10_000, random);
                Post tagged = new Post(UUID.randomUUID().toString(), p.author(), p.body(),
                        List.of("fresh"), List.of("all"), null, Instant.now());
                send(producer, "intranet.feed", tagged.id(), "intranet.feed.post.published.v1",
                        "/intranet/feed-service", published(tagged), ++sequence);
                producer.flush();
                sentAt.put(tagged.id(), System.nanoTime());
                sentWall.put(tagged.id(), System.currentTimeMillis());
            }
        }
        producing.set(false);
        poller.join(60_000);
        List<Double> ms = new ArrayList<>();
        sentAt.forEach((id, sent) -> {
            Long seen = seenAt.get(id);
            if (seen != null) {
                ms.add((seen - sent) / 1e6);
            }
        });
        Collections.sort(ms);
        List<Double> consumed = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        indexedWall.forEach((id, at) -> {
            consumed.add((double) (at - sentWall.get(id)));
            visible.add((double) (seenWall.get(id) - at));
        });
        Collections.sort(consumed);
        Collections.sort(visible);
        System.out.printf("latency_posts %d seen %d p50 %.0f p90 %.0f p99 %.0f max %.0f"
                + " to_indexer_p50 %.0f p99 %.0f then_visible_p50 %.0f p99 %.0f%n", sentAt.size(), ms.size(),
                pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.isEmpty() ? 0 : ms.get(ms.size() - 1),
                pct(consumed, 50), pct(consumed, 99), pct(visible, 50), pct(visible, 99));
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
