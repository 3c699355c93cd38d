package org.intranet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.intranet.web.config.WebConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The local stack routes /api exactly as Kubernetes does: the proxy's prefix table is the Ingress's (every prefix
 * to a service, plus "/" to this module), so an app that works locally works behind the Ingress.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class IngressParityTest {

    @Inject
    WebConfig config;

    @Test
    void theProxyRoutesWhatTheIngressRoutes() throws IOException {
        Map<String, String> ingress = new TreeMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class)
                .readValues(Files.readString(Path.of("../k8s/base/ingress.yaml")))) {
            for (JsonNode doc : docs.readAll()) {
                if (!"Ingress".equals(doc.path("kind").asText()) || doc.path("metadata").path("name").asText().equals("intranet-auth")) {
                    continue;
                }
                for (JsonNode rule : doc.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        ingress.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText());
                    }
                }
            }
        }
        Map<String, String> proxied = new TreeMap<>();
        config.proxy().prefixes().forEach((service, prefixes) -> prefixes.forEach(p -> proxied.put(p, service)));
        proxied.put("/", "web");

        assertThat(proxied).isEqualTo(ingress);
        assertThat(new TreeSet<>(config.proxy().upstream().keySet())).isEqualTo(new TreeSet<>(config.proxy().prefixes().keySet()));
    }
}
