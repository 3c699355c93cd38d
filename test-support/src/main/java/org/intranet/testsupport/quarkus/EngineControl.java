package org.intranet.testsupport.quarkus;

/**
 * Stops the test's OpenSearch node and starts it again on the same port and data ({@link OpenSearchResource}): what
 * an engine outage looks like to the service, and what it must survive.
 */
public final class EngineControl {
    private static final String NAME = "org.intranet.test:type=OpenSearch";

    private EngineControl() {
    }

    static void register(Runnable stop, Runnable restart) {
        StopRestart.register(NAME, stop, restart);
    }

    /** Returns once the node's process has exited. */
    public static void stopEngine() {
        StopRestart.invoke(NAME, "stop");
    }

    /** Returns once the node answers again. */
    public static void restartEngine() {
        StopRestart.invoke(NAME, "restart");
    }
}
