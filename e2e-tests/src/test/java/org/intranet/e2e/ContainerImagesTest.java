package org.intranet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What can be checked of the images without a registry or a Docker daemon (neither is reachable here): every
 * service has its Dockerfile.jvm on one pinned JRE, the same one Jib builds on, and runs as a non-root user; the web
 * app (Jib only, configured in its own application.properties since it does not use service-kit) builds on that same
 * JRE as the same user; the manifests pull the image the build names.
 */
class ContainerImagesTest {
    private static final Path ROOT = Path.of(System.getProperty("intranet.repo.root", "..")).toAbsolutePath();
    private static final String[] SERVICES = {"profile", "feed", "search", "notification"};
    /** Everything with an image and a generated manifest under k8s/base: the services and the web app. */
    private static final String[] DEPLOYED = {"profile-service", "feed-service", "search-service",
            "notification-service", "web"};
    /** name:version with a full JRE version (25.0.3_9-…), never a floating tag such as 25-jre or latest. */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+_\\d+-[a-z0-9-]+");

    private static Properties kitConfig() throws IOException {
        return load("service-kit/src/main/resources/META-INF/microprofile-config.properties");
    }

    private static Properties load(String path) throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(path))) {
            config.load(in);
        }
        return config;
    }

    @Test
    void jibBuildsOnAPinnedJreAsANonRootUser() throws IOException {
        Properties config = kitConfig();
        assertThat(config.getProperty("quarkus.jib.base-jvm-image")).matches(PINNED);
        assertThat(Integer.parseInt(config.getProperty("quarkus.jib.user"))).isPositive();
        assertThat(config.getProperty("quarkus.container-image.image")).startsWith("intranet/");
    }

    @Test
    void theWebAppBuildsOnTheServicesJreAsTheSameUser() throws IOException {
        Properties kit = kitConfig();
        Properties web = load("web/src/main/resources/application.properties");
        assertThat(web.getProperty("quarkus.jib.base-jvm-image")).as("web's Jib base image")
                .isEqualTo(kit.getProperty("quarkus.jib.base-jvm-image"));
        assertThat(web.getProperty("quarkus.jib.user")).as("web's Jib user")
                .isEqualTo(kit.getProperty("quarkus.jib.user"));
        assertThat(web.getProperty("quarkus.container-image.image")).startsWith("intranet/");
    }

    @Test
    void everyServiceHasADockerfileOnTheSameJreThatRunsAsNonRoot() throws IOException {
        String base = kitConfig().getProperty("quarkus.jib.base-jvm-image");
        for (String service : SERVICES) {
            Path dockerfile = ROOT.resolve(service + "-service/src/main/docker/Dockerfile.jvm");
            String text = Files.readString(dockerfile);
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(text);
            assertThat(from.find()).as(dockerfile + " has a FROM").isTrue();
            assertThat(from.group(1)).as(dockerfile + " FROM").isEqualTo(base);
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(text);
            assertThat(user.find()).as(dockerfile + " sets a numeric USER").isTrue();
            assertThat(Integer.parseInt(user.group(1))).as(dockerfile + " USER").isPositive();
            assertThat(text).as(dockerfile.toString()).contains("quarkus-run.jar").containsPattern("(?m)^ENTRYPOINT \\[");
        }
    }

    @Test
    void everyGeneratedManifestPullsTheImageTheBuildNames() throws IOException {
        for (String name : DEPLOYED) {
            Path generated = ROOT.resolve("k8s/base/" + name + "/kubernetes.yml");
            assertThat(Files.readString(generated)).as(generated.toString()).contains("image: intranet/" + name + ":");
        }
    }
}
