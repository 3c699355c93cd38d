package org.intranet.testsupport.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.intranet.testsupport.infra.OpenSearchProcess;
import org.intranet.testsupport.infra.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real OpenSearch node (own JVM) for one test run; a test may stop and restart it ({@link EngineControl}). */
public class OpenSearchResource implements QuarkusTestResourceLifecycleManager {
    private volatile OpenSearchProcess node;

    @Override
    public Map<String, String> start() {
        String root = System.getProperty("intranet.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property intranet.repo.root is not set (the parent pom sets it)");
        }
        Path data;
        try {
            data = Files.createTempDirectory("opensearch-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = Ports.free();
        node = OpenSearchProcess.start(Path.of(root), port, data);
        EngineControl.register(() -> node.close(), () -> node = OpenSearchProcess.start(Path.of(root), port, data));
        return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
        }
    }
}
