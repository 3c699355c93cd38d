package org.intranet.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.OpenSearchResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Not part of the build (the name matches no Surefire pattern); run it on purpose:
 * {@code mvn -o test -pl search-service -Dtest=SearchBench -Dbench.posts=3000}. Measures consumer indexing
 * throughput, search latency through HTTP with a real token, and the reindex rate, on the same real parts the
 * tests use.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OpenSearchResource.class, scope = TestResourceScope.GLOBAL)
class SearchBench {
    private static final String[] WORDS = {"onboarding", "roadmap", "release", "kafka", "quarterly", "hiring",
            "security", "offsite", "benefits", "launch", "customer", "design", "review", "budget", "mentoring"};

    @Inject
    RestClient openSearch;

    @TestHTTPResource("/api/search")
    URI searchUri;

    @Test
    void indexThenSearchThenReindex() throws Exception {
        int posts = Integer.getInteger("bench.posts", 3000);
        ObjectMapper json = new ObjectMapper();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long before = count();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < posts; i++) {
                String id = UUID.randomUUID().toString();
                String body = "<p>Post " + i + " about <b>" + WORDS[i % WORDS.length] + "</b> and "
                        + WORDS[(i * 7) % WORDS.length] + " for the " + WORDS[(i * 3) % WORDS.length] + " team</p>";
                String audience = i % 5 == 0 ? "group:g" + (i % 20) : i % 3 == 0 ? "dept:Sales" : "all";
                String value = json.writeValueAsString(java.util.Map.of("postId", id,
                        "authorId", TestTokens.stableId("author" + (i % 50)), "kind", "UPDATE", "body", body,
                        "audience", List.of(audience), "mentions", List.of(),
                        "hashtags", List.of(WORDS[i % WORDS.length]), "createdAt", Instant.now().toString()));
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.FEED, id, value);
                TestTopics.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.POST_PUBLISHED,
                        EventTypes.FEED_SOURCE, id).forEach((k, v) ->
                        record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                producer.send(record);
            }
        }
        long sent = System.nanoTime();
        while (count() < before + posts) {
            Thread.sleep(200);
        }
        long indexed = System.nanoTime();
        System.out.printf("BENCH indexing: %d posts produced in %.1f s, all searchable after %.1f s: %.0f events/s%n",
                posts, (sent - t0) / 1e9, (indexed - t0) / 1e9, posts / ((indexed - t0) / 1e9));

        String token = TestTokens.user("reader").roles("employee").claim("department", "Sales").sign();
        HttpClient http = HttpClient.newHttpClient();
        for (int threads : new int[] {1, 4, 16}) {
            int requests = 2000;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long s0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < requests; i += threads) {
                        URI uri = URI.create(searchUri + "?q=" + WORDS[i % WORDS.length] + "&limit=20");
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                                .GET().build();
                        long r0 = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - r0);
                        assertThat(response.statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - s0) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("BENCH search (%d threads): %d requests in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
                    threads, requests, seconds, requests / seconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        }

        String report = RestAssured.given().auth().oauth2(TestTokens.user("root").roles("admin").sign())
                .post("/api/admin/search/reindex").then().statusCode(200).extract().asString();
        System.out.println("BENCH reindex: " + report);
    }

    private long count() throws Exception {
        openSearch.performRequest(new Request("POST", "/posts/_refresh"));
        return json(EntityUtils.toString(openSearch.performRequest(new Request("GET", "/posts/_count")).getEntity()));
    }

    private static long json(String body) throws Exception {
        return new ObjectMapper().readTree(body).path("count").asLong();
    }
}
