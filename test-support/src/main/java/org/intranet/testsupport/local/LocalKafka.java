package org.intranet.testsupport.local;

import java.nio.file.Path;

import org.intranet.testsupport.infra.KafkaBroker;

/** {@code ./intranet up}'s Kafka: a KRaft combined node, {@code --port 9092 --data DIR [--partitions 12]}. */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(LocalMain.option(args, "--port", "9092"));
        Path data = Path.of(LocalMain.option(args, "--data", ".intranet/kafka")).toAbsolutePath();
        int partitions = Integer.parseInt(LocalMain.option(args, "--partitions", "12"));
        KafkaBroker broker = KafkaBroker.start(port, data, partitions);
        LocalMain.ready("kafka on " + broker.bootstrapServers(), started);
        LocalMain.runUntilTerminated(broker);
    }
}
