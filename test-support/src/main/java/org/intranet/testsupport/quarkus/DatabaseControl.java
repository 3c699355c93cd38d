package org.intranet.testsupport.quarkus;

/**
 * Takes the test database away from the application and brings it back, through the {@link PostgresResource}'s
 * proxy: open connections reset, new ones refused, data kept.
 */
public final class DatabaseControl {
    private static final String NAME = "org.intranet.test:type=Database";

    private DatabaseControl() {
    }

    static void register(Runnable stop, Runnable restart) {
        StopRestart.register(NAME, stop, restart);
    }

    public static void stopDatabase() {
        StopRestart.invoke(NAME, "stop");
    }

    public static void restartDatabase() {
        StopRestart.invoke(NAME, "restart");
    }
}
