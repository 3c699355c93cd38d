package org.intranet.testsupport.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.intranet.testsupport.infra.KafkaBroker;
import org.intranet.testsupport.infra.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real KRaft broker in the test JVM. Tests that take the broker away use {@link BrokerControl}, which works
 * across Quarkus' test class loaders.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(Ports.free(), Files.createTempDirectory("kafka-test"), 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerControl.register(broker::stop, broker::restart);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
