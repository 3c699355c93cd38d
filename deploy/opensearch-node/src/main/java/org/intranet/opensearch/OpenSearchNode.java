package org.intranet.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node on 127.0.0.1, in its own JVM. Usage: {@code --port 9200 --data DIR}; prints a line with
 * {@code READY} once the cluster is yellow or better. Data in DIR survives restarts.
 */
public final class OpenSearchNode {
    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "9200"));
        Path data = Path.of(option(args, "--data", Files.createTempDirectory("opensearch").toString()));
        Files.createDirectories(data);
        long started = System.nanoTime();

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            settings.put("http.port", String.valueOf(port));
            settings.put("network.host", "127.0.0.1");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("action.auto_create_index", "false");
        });
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(data.toAbsolutePath().toString())
                .clusterName("intranet-local")
                .numOfNode(1)
                .disableESLogger());
        runner.ensureYellow();
        System.out.printf("READY opensearch on http://127.0.0.1:%d (%.1f s)%n", port,
                (System.nanoTime() - started) / 1e9);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                System.err.println("opensearch did not close cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
