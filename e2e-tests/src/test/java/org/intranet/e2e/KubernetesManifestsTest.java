package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes overlays render offline from what the build generated (the four services' and the web app's
 * manifests): k8s/render-check.sh runs {@code kubectl kustomize} on dev and prod and checks deployments, services,
 * topics, routes and autoscalers.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("intranet.repo.root", "..")).toAbsolutePath();

    @Test
    void devAndProdOverlaysRenderWithEveryService() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("kubectl"),
                "kubectl is not installed: the overlays are not rendered (install kubectl to run this test)");
        for (String name : new String[] {"profile-service", "feed-service", "search-service", "notification-service",
                "web"}) {
            Path generated = ROOT.resolve("k8s/base/" + name + "/kubernetes.yml");
            assertThat(Files.readString(generated)).as(generated.toString())
                    .contains("kind: Deployment").contains("/q/health/ready").doesNotContain("PLACEHOLDER");
        }
        Process check = new ProcessBuilder("bash", ROOT.resolve("k8s/render-check.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("OK [dev]").contains("OK [prod]");
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
