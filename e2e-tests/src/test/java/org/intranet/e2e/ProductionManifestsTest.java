package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the prod overlay must hold for a platform team, checked on the rendered output: a default-deny network
 * policy with DNS open, search indices with a replica, an auth host that does not expose Keycloak's admin console,
 * the SSE settings on the notification routes only, certificates from cert-manager, rollouts that drop no
 * request on pods spread over nodes (the services' and the web app's), and a web app that only serves files.
 */
class ProductionManifestsTest {
    private static final List<String> SERVICES = List.of("profile-service", "feed-service", "search-service",
            "notification-service");
    /** The workloads built here: the services and the web app (static files, no database, no Kafka, no Secret). */
    private static final List<String> DEPLOYED = List.of("profile-service", "feed-service", "search-service",
            "notification-service", "web");
    private static List<JsonNode> prod;

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(RestrictedPodsTest.onPath("kubectl"), "kubectl is not installed");
        prod = RestrictedPodsTest.render("prod");
    }

    private static List<JsonNode> of(String kind) {
        return prod.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode named(String kind, String name) {
        return of(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void theNamespaceDeniesByDefaultAndLetsEveryPodResolveNames() {
        JsonNode deny = named("NetworkPolicy", "default-deny");
        assertThat(deny.path("spec").path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress").contains("Egress");
        assertThat(deny.path("spec").has("ingress") || deny.path("spec").has("egress")).isFalse();
        JsonNode dns = named("NetworkPolicy", "allow-dns");
        assertThat(dns.path("spec").path("podSelector").isEmpty()).isTrue();
        assertThat(dns.toString()).contains("kube-dns").contains("169.254.20.10/32").contains("\"port\":53");
        for (String part : List.of("kafka", "postgres", "opensearch", "opensearch-jobs", "keycloak")) {
            named("NetworkPolicy", part);
        }
        // the operators' jobs are covered (realm import, OpenSearch security config), and the Keycloak operator's
        // own policy, which would open Keycloak to every pod, is off
        assertThat(named("NetworkPolicy", "keycloak").path("spec").path("podSelector").toString())
                .contains("keycloak-realm-import");
        assertThat(named("NetworkPolicy", "postgres").toString()).contains("keycloak-realm-import");
        assertThat(named("Keycloak", "intranet-keycloak").path("spec").path("networkPolicy").path("enabled")
                .asBoolean(true)).isFalse();
        // OpenSearch only for search-service, SMTP only for notification-service
        for (JsonNode policy : of("NetworkPolicy")) {
            String text = policy.toString();
            String selects = policy.path("spec").path("podSelector").toString();
            if (!selects.contains("-service")) {
                continue;
            }
            if (text.contains("\"port\":9200") && policy.path("spec").has("egress")) {
                assertThat(selects).as(policy.path("metadata").path("name").asText()).contains("search-service")
                        .doesNotContain("profile-service");
            }
            if (text.contains("\"port\":587")) {
                assertThat(selects).as(policy.path("metadata").path("name").asText())
                        .contains("notification-service").doesNotContain("feed-service");
            }
        }
    }

    @Test
    void searchIndicesHaveAReplicaAndTheSearchRoleMayCancelItsTasks() {
        JsonNode config = of("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().startsWith("intranet-config")).findFirst()
                .orElseThrow();
        assertThat(config.path("data").path("INTRANET_SEARCH_INDEX_REPLICAS").asInt(0)).isGreaterThanOrEqualTo(1);
        assertThat(named("OpensearchRole", "intranet-search-service").path("spec").path("clusterPermissions")
                .toString()).contains("cluster:admin/tasks/cancel");
    }

    @Test
    void theAuthHostServesOnlyKeycloaksPublicPaths() {
        List<String> authPaths = new ArrayList<>();
        for (JsonNode ingress : of("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (rule.path("host").asText().startsWith("auth.")) {
                    rule.path("http").path("paths").forEach(p -> authPaths.add(p.path("path").asText()));
                }
            }
        }
        assertThat(authPaths).containsExactlyInAnyOrder("/realms", "/resources");
    }

    @Test
    void onlyTheNotificationRoutesStreamAndCertificatesComeFromCertManager() {
        for (JsonNode ingress : of("Ingress")) {
            String name = ingress.path("metadata").path("name").asText();
            JsonNode annotations = ingress.path("metadata").path("annotations");
            boolean streams = annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText().equals("off");
            boolean notifications = ingress.toString().contains("notification-service");
            assertThat(streams).as(name + " has the SSE settings exactly when it routes notifications")
                    .isEqualTo(notifications);
            if (!notifications) {
                assertThat(annotations.path("cert-manager.io/cluster-issuer").asText()).as(name).isNotBlank();
            }
            assertThat(ingress.path("spec").path("tls").isEmpty()).as(name + " has TLS").isFalse();
        }
        assertThat(of("Ingress").toString()).contains("\"path\":\"/api/recognition\"");
    }

    @Test
    void theGatewayApiComponentReplacesTheIngressesWithTheSameRoutes() throws Exception {
        java.nio.file.Path overlay = java.nio.file.Path.of("target/gateway-overlay").toAbsolutePath();
        java.nio.file.Files.createDirectories(overlay);
        java.nio.file.Path root = overlay.relativize(java.nio.file.Path.of(
                System.getProperty("intranet.repo.root", "..")).toAbsolutePath().normalize());
        java.nio.file.Files.writeString(overlay.resolve("kustomization.yaml"), String.join("\n",
                "apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization",
                "resources:", "  - " + root.resolve("k8s/overlays/prod"),
                "components:", "  - " + root.resolve("k8s/components/gateway-api"), ""));
        List<JsonNode> rendered = RestrictedPodsTest.renderDirectory(overlay);
        assertThat(rendered).noneMatch(o -> o.path("kind").asText().equals("Ingress"));
        List<JsonNode> routes = rendered.stream().filter(o -> o.path("kind").asText().equals("HTTPRoute")).toList();
        List<String> paths = new ArrayList<>();
        List<String> authPaths = new ArrayList<>();
        for (JsonNode route : routes) {
            boolean auth = route.path("spec").path("hostnames").toString().contains("auth.");
            for (JsonNode rule : route.path("spec").path("rules")) {
                String path = rule.path("matches").get(0).path("path").path("value").asText();
                (auth ? authPaths : paths).add(path);
                String backend = rule.path("backendRefs").get(0).path("name").asText();
                int port = rule.path("backendRefs").get(0).path("port").asInt();
                if (!backend.startsWith("intranet-keycloak")) {
                    JsonNode service = named("Service", backend);
                    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).as(backend)
                            .isEqualTo(port);
                }
            }
        }
        List<String> ingressPaths = new ArrayList<>();
        for (JsonNode ingress : of("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!rule.path("host").asText().startsWith("auth.")) {
                    rule.path("http").path("paths").forEach(p -> ingressPaths.add(p.path("path").asText()));
                }
            }
        }
        assertThat(paths).containsExactlyInAnyOrderElementsOf(ingressPaths);
        assertThat(authPaths).containsExactlyInAnyOrder("/realms", "/resources");
        // the Gateway's proxies, not the retired ingress controller, are let in
        String policies = rendered.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).toList()
                .toString();
        assertThat(policies).doesNotContain("ingress-nginx").contains("\"kubernetes.io/metadata.name\":\"gateway\"");
    }

    @Test
    void kafkaAuthenticatesEachServiceWhichWritesOnlyItsOwnTopics() {
        JsonNode kafka = named("Kafka", "intranet").path("spec").path("kafka");
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("tls").asBoolean()).as(listener.path("name").asText() + " TLS").isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        }
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("rack").path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(named("KafkaNodePool", "dual-role").path("spec").path("template").path("pod").path("affinity")
                .path("podAntiAffinity").path("requiredDuringSchedulingIgnoredDuringExecution").toString())
                .contains("kubernetes.io/hostname");
        java.util.Map<String, String> owns = java.util.Map.of("profile-service", "intranet.profile",
                "feed-service", "intranet.feed", "search-service", "-", "notification-service", "-");
        for (var entry : owns.entrySet()) {
            String service = entry.getKey();
            String shortName = service.replace("-service", "");
            JsonNode user = named("KafkaUser", service);
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String topic = acl.path("resource").path("name").asText();
                if (acl.path("resource").path("type").asText().equals("group")) {
                    assertThat(topic).as(service + "'s group").isEqualTo(service);
                } else if (acl.path("operations").toString().contains("Write")) {
                    assertThat(topic.equals(entry.getValue()) || topic.endsWith(".dlq." + shortName))
                            .as(service + " may write " + topic).isTrue();
                }
            }
            JsonNode container = named("Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            JsonNode jaas = null;
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    jaas = env;
                }
            }
            assertThat(jaas).as(service + " has Kafka credentials").isNotNull();
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText()).as(service + "'s own")
                    .isEqualTo(service);
        }
    }

    @Test
    void theTopicsCanRebuildEveryReadCopy() {
        JsonNode profile = named("KafkaTopic", "intranet.profile").path("spec").path("config");
        assertThat(profile.path("cleanup.policy").asText()).isEqualTo("compact");
        assertThat(profile.path("min.compaction.lag.ms").asLong()).isGreaterThanOrEqualTo(86_400_000L);
        assertThat(profile.path("delete.retention.ms").asLong()).isGreaterThanOrEqualTo(86_400_000L);
        JsonNode feed = named("KafkaTopic", "intranet.feed").path("spec").path("config");
        long retention = feed.path("retention.ms").asLong();
        assertThat(retention == -1 || retention >= 365L * 86_400_000L).as("intranet.feed keeps a year").isTrue();
    }

    @Test
    void everyPodFitsThePostgresConnectionBudgetAndEachServiceHasItsOwnRole() {
        JsonNode cluster = named("Cluster", "intranet-pg").path("spec");
        int max = cluster.path("postgresql").path("parameters").path("max_connections").asInt();
        JsonNode config = of("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().startsWith("intranet-config")).findFirst()
                .orElseThrow().path("data");
        int pool = config.path("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asInt();
        int reads = config.path("QUARKUS_DATASOURCE_READS_JDBC_MAX_SIZE").asInt();
        assertThat(pool).as("a pool size is set for prod").isPositive();
        int total = 0;
        for (String service : List.of("profile", "feed", "search", "notification")) {
            // the HPA's maximum, plus the surge pod of a rollout (maxSurge 1)
            JsonNode deployment = named("Deployment", service + "-service").path("spec");
            int pods = named("HorizontalPodAutoscaler", service + "-service").path("spec").path("maxReplicas").asInt()
                    + deployment.path("strategy").path("rollingUpdate").path("maxSurge").asInt(2);
            total += pods * (pool + (service.equals("feed") ? reads : 0));
            JsonNode env = named("Deployment", service + "-service").path("spec").path("template").path("spec")
                    .path("containers").get(0).path("env");
            assertThat(env.toString()).as(service + " connects as its own role")
                    .contains("\"name\":\"intranet-pg-" + service + "\"").doesNotContain("intranet-pg-app");
        }
        JsonNode keycloak = named("Keycloak", "intranet-keycloak").path("spec");
        total += keycloak.path("instances").asInt() * keycloak.path("db").path("poolMaxSize").asInt();
        assertThat(keycloak.path("db").path("poolMaxSize").asInt()).isPositive();
        assertThat(total + 20).as("pools at the HPA maximum, plus 20 for administration and the operator")
                .isLessThanOrEqualTo(max);
        JsonNode schemas = named("Database", "intranet-pg-intranet").path("spec").path("schemas");
        assertThat(schemas).hasSize(4).allSatisfy(schema ->
                assertThat(schema.path("owner").asText()).isEqualTo(schema.path("name").asText()));
        assertThat(cluster.path("imageCatalogRef").path("major").asInt()).isEqualTo(17);
        assertThat(cluster.path("backup").path("volumeSnapshot").isMissingNode()).isFalse();
        named("ScheduledBackup", "intranet-pg-daily");
        assertThat(named("OpenSearchCluster", "intranet-search").path("spec").path("general").path("version")
                .asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void rolloutsDrainAndReplicasLiveOnDifferentNodes() {
        List<String> deployments = new ArrayList<>();
        for (JsonNode deployment : of("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            deployments.add(name);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(name).isGreaterThan(20 + 8);
            assertThat(pod.path("containers").get(0).path("lifecycle").path("preStop").isMissingNode())
                    .as(name + " preStop").isFalse();
            assertThat(pod.path("topologySpreadConstraints").toString()).as(name)
                    .contains("\"topologyKey\":\"kubernetes.io/hostname\",\"whenUnsatisfiable\":\"DoNotSchedule\"");
            assertThat(deployment.path("spec").has("replicas")).as(name + " leaves the count to its HPA").isFalse();
            assertThat(named("HorizontalPodAutoscaler", name).path("spec").path("minReplicas").asInt())
                    .as(name + " HPA minimum").isGreaterThanOrEqualTo(2);
            String cpu = pod.path("containers").get(0).path("resources").path("requests").path("cpu").asText();
            if (SERVICES.contains(name)) {
                // the benchmarks' load per pod (docs/sizing.md), so the HPA's 70% target is real load
                assertThat(cpu).as(name + " CPU request").isEqualTo("1");
            } else {
                // the web app serves static files: a request of its own (the HPA's target is a share of it), in
                // millicores, below a service's core
                assertThat(cpu).as(name + " CPU request").matches("[1-9]\\d{0,2}m");
            }
        }
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(DEPLOYED);
    }

    @Test
    void theWebAppOnlyServesFilesAndSignsInAtThePublicIssuer() {
        JsonNode config = of("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().startsWith("intranet-config")).findFirst()
                .orElseThrow().path("data");
        // the Ingress routes /api: the app's own proxy is off, and "/" reaches the app
        assertThat(config.path("INTRANET_WEB_PROXY_ENABLED").asText()).isEqualTo("false");
        assertThat(config.path("INTRANET_WEB_OIDC_AUTHORITY").asText()).as("the issuer the browser signs in at")
                .startsWith("https://").isEqualTo(config.path("QUARKUS_OIDC_TOKEN_ISSUER").asText());
        List<String> toWeb = new ArrayList<>();
        for (JsonNode ingress : of("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(p -> {
                    if (p.path("backend").path("service").path("name").asText().equals("web")) {
                        toWeb.add(p.path("path").asText());
                    }
                });
            }
        }
        assertThat(toWeb).containsExactly("/");
        // no Secret: the app holds no credential (the browser sends the employee's token to the services)
        JsonNode container = named("Deployment", "web").path("spec").path("template").path("spec")
                .path("containers").get(0);
        assertThat(container.path("envFrom").toString()).contains("intranet-config").doesNotContain("secretRef");
        assertThat(container.path("env").toString()).doesNotContain("secretKeyRef");
        // reached only through the ingress controller and by Prometheus; no egress of its own beyond DNS
        for (JsonNode policy : of("NetworkPolicy")) {
            String selects = policy.path("spec").path("podSelector").toString();
            if (selects.contains("\"web\"")) {
                assertThat(policy.path("spec").has("egress")).as(policy.path("metadata").path("name").asText())
                        .isFalse();
            }
        }
        assertThat(named("NetworkPolicy", "web-ingress").path("spec").path("ingress").toString())
                .contains("ingress-nginx").contains("monitoring").doesNotContain("podSelector");
        // scraped on the management port (not on the Service the Ingress sends "/" to), drained like a service
        assertThat(named("NetworkPolicy", "web-ingress").path("spec").path("ingress").toString())
                .contains("\"port\":\"management\"");
        assertThat(named("PodMonitor", "intranet-web").path("spec").path("podMetricsEndpoints").get(0)
                .path("port").asText()).isEqualTo("management");
        assertThat(named("PodDisruptionBudget", "web").path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    }
}
