package org.intranet.testsupport.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real OpenSearch node in its own JVM (the deploy/opensearch-node module): its netty and jackson clash with
 * Quarkus, so it never shares a class path with a service.
 */
public final class OpenSearchProcess implements AutoCloseable {
    private static final String MAIN = "org.intranet.opensearch.OpenSearchNode";
    private final Process process;
    private final int port;

    private OpenSearchProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param repoRoot the reactor root, where deploy/opensearch-node/target holds the node's class path */
    public static OpenSearchProcess start(Path repoRoot, int port, Path data) {
        Path module = repoRoot.resolve("deploy/opensearch-node/target");
        Path classpathFile = module.resolve("classpath.txt");
        try {
            if (!Files.exists(classpathFile)) {
                throw new IllegalStateException(classpathFile + " is missing: build deploy/opensearch-node first");
            }
            String classpath = Files.readString(classpathFile).trim() + ":" + module.resolve("classes");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-Xms512m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, MAIN, "--port", String.valueOf(port), "--data", data.toString()))
                    .redirectErrorStream(true)
                    .start();
            OpenSearchProcess node = new OpenSearchProcess(process, port);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch did not start", e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitReady() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder tail = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!ready.isDone()) {
                        tail.append(line).append('\n');
                        if (line.contains("READY")) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("OpenSearch exited:\n" + tail));
        }, "opensearch-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("OpenSearch not ready after 180 s:\n" + tail, e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("OpenSearch did not start", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
