package org.intranet.testsupport.quarkus;

/** Stops and restarts the test broker ({@link KafkaResource}) from a test. */
public final class BrokerControl {
    private static final String NAME = "org.intranet.test:type=KafkaBroker";

    private BrokerControl() {
    }

    static void register(Runnable stop, Runnable restart) {
        StopRestart.register(NAME, stop, restart);
    }

    public static void stopBroker() {
        StopRestart.invoke(NAME, "stop");
    }

    public static void restartBroker() {
        StopRestart.invoke(NAME, "restart");
    }
}
