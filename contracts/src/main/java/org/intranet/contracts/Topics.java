package org.intranet.contracts;

/** Kafka topics: one per owning service, keyed by aggregate id so one aggregate's events stay in order. */
public final class Topics {
    public static final String PROFILE = "intranet.profile";
    public static final String FEED = "intranet.feed";

    private Topics() {
    }

    /** Dead-letter topic of one consuming service: {@code <topic>.dlq.<service>}. */
    public static String deadLetter(String topic, String consumingService) {
        return topic + ".dlq." + consumingService;
    }
}
