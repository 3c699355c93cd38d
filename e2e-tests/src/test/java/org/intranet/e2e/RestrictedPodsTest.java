package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every workload the overlays render meets the Pod Security Standard "restricted", which the namespace enforces:
 * non-root, no privilege escalation, no capabilities, the runtime's seccomp profile, for every container. The
 * services' pods and the web app's (everything quarkus-kubernetes generates) also run from a read-only root
 * filesystem with an emptyDir for /tmp and without a service-account token. Checked on the output of
 * {@code kubectl kustomize}, so a patch that stops applying fails here.
 */
class RestrictedPodsTest {
    private static final Path ROOT = Path.of(System.getProperty("intranet.repo.root", "..")).toAbsolutePath();
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
    /** The Deployments quarkus-kubernetes generates: the four services and the web app. */
    private static final List<String> GENERATED = List.of("profile-service", "feed-service", "search-service",
            "notification-service", "web");

    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        return renderDirectory(ROOT.resolve("k8s/overlays/" + overlay));
    }

    /** The objects {@code kubectl kustomize} renders from a kustomization directory. */
    static List<JsonNode> renderDirectory(Path directory) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                .redirectErrorStream(false).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(errors).isZero();
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            documents.forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    objects.add(d);
                }
            });
        }
        return objects;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadIsRestricted(String overlay) throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: the overlays are not rendered");
        List<JsonNode> objects = render(overlay);
        JsonNode namespace = objects.stream().filter(o -> o.path("kind").asText().equals("Namespace")).findFirst()
                .orElseThrow();
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
                .isEqualTo("restricted");
        List<String> generated = new ArrayList<>();
        for (JsonNode object : objects) {
            if (!WORKLOADS.contains(object.path("kind").asText())) {
                continue;
            }
            String name = overlay + " " + object.path("kind").asText() + "/" + object.path("metadata").path("name")
                    .asText();
            JsonNode pod = object.path("spec").path("template").path("spec");
            JsonNode podContext = pod.path("securityContext");
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode container : containers) {
                String where = name + " container " + container.path("name").asText();
                JsonNode context = container.path("securityContext");
                assertThat(context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean()))
                        .as(where + " runAsNonRoot").isTrue();
                assertThat(context.path("allowPrivilegeEscalation").isBoolean()
                        && !context.path("allowPrivilegeEscalation").asBoolean())
                        .as(where + " allowPrivilegeEscalation: false").isTrue();
                assertThat(context.path("privileged").asBoolean(false)).as(where + " privileged").isFalse();
                assertThat(context.path("capabilities").path("drop").toString()).as(where + " drops ALL")
                        .contains("\"ALL\"");
                String seccomp = context.path("seccompProfile").path("type")
                        .asText(podContext.path("seccompProfile").path("type").asText());
                assertThat(seccomp).as(where + " seccompProfile").isIn("RuntimeDefault", "Localhost");
            }
            if (object.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asText()
                    .equals("quarkus")) {
                generated.add(object.path("metadata").path("name").asText());
                assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                        .as(name + " mounts no service-account token").isFalse();
                JsonNode app = pod.path("containers").get(0);
                assertThat(app.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
                        .as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(app.path("volumeMounts").findValuesAsText("mountPath")).as(name + " /tmp")
                        .contains("/tmp");
                assertThat(pod.path("volumes").toString()).as(name + " /tmp is an emptyDir").contains("emptyDir");
            }
        }
        assertThat(generated).as(overlay + ": the four services and the web app are rendered")
                .containsExactlyInAnyOrderElementsOf(GENERATED);
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
