package org.intranet.testsupport.local;

import java.util.concurrent.CountDownLatch;

/** Shared shape of the local-stack mains: parse {@code --name value}, report READY, run until terminated. */
final class LocalMain {
    private LocalMain() {
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static void ready(String what, long startedNanos) {
        System.out.printf("READY %s (%.1f s)%n", what, (System.nanoTime() - startedNanos) / 1e9);
        System.out.flush();
    }

    /** Blocks until SIGTERM/SIGINT, then closes the component before the JVM exits. */
    static void runUntilTerminated(AutoCloseable component) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("did not close cleanly: " + e.getMessage());
            }
            closed.countDown();
        }));
        closed.await();
    }
}
