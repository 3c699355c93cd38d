package org.intranet.kit.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Sends outbox rows to Kafka in insertion order as CloudEvents (binary mode, key = aggregate id) and marks each row
 * sent only after the broker acknowledged it; a batch is sent at once and awaited in order (acks=all, idempotent producer: see the channel config). A transaction
 * advisory lock keeps one relay active across replicas, so per-aggregate order holds. When the broker is down
 * nothing is marked and the next tick retries: events wait in the outbox, never lost.
 */
@ApplicationScoped
@IfBuildProperty(name = "intranet.outbox.enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Counter sent;
    private final Counter failures;
    private final ManagedExecutor executor;
    private final AtomicBoolean kicked = new AtomicBoolean();

    OutboxRelay(DataSource dataSource, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config,
            MeterRegistry registry, ManagedExecutor executor) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.emitter = emitter;
        this.config = config;
        this.sent = registry.counter("intranet.outbox.sent");
        this.failures = registry.counter("intranet.outbox.failures");
    }

    /**
     * Right after a transaction that wrote to the outbox commits, relay on a worker thread: events leave within
     * milliseconds, and the request that caused them never waits for the broker. Kicks coalesce.
     */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (kicked.compareAndSet(false, true)) {
            executor.execute(() -> {
                kicked.set(false);
                relayPending();
            });
        }
    }

    /**
     * The safety net: whatever a kick missed (a crash, a broker outage) goes out on the next tick. Ticks wait until
     * the application runs: on a slow start the first one would come before messaging has wired the channel.
     */
    @Scheduled(every = "${intranet.outbox.poll-interval:1s}", delayed = "${intranet.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch means more may be waiting: drain before the next tick
            }
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /**
     * Deletes sent rows older than {@code intranet.outbox.retention}, a thousand at a time (oldest first, along the
     * primary key), so the table stays small and no copy of an event's personal data outlives it.
     */
    @Scheduled(every = "${intranet.outbox.purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeSent() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement("""
                        DELETE FROM outbox WHERE seq IN (
                            SELECT seq FROM outbox WHERE sent_at < now() - CAST(? AS interval) ORDER BY seq LIMIT 1000)""")) {
            purge.setString(1, config.retention().toSeconds() + " seconds");
            int deleted;
            do {
                deleted = purge.executeUpdate();
            } while (deleted == 1000);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox purge paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many rows were sent */
    int relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = pending(connection);
                // the whole batch goes out at once and is awaited in order: the idempotent producer keeps order
                // per partition with several requests in flight, so one broker round trip serves many rows
                List<CompletableFuture<Void>> sends = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    sends.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
                }
                List<Long> acknowledged = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    try {
                        sends.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        // only the acknowledged prefix is marked: a row after a failed one is sent again next
                        // time (consumers drop the duplicate by event id), so nothing is lost
                        failures.increment();
                        LOG.warnf("event %s not acknowledged yet (%s); %d sent in this batch", rows.get(i).id(),
                                e.getMessage(), acknowledged.size());
                        break;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    acknowledged.add(rows.get(i).seq());
                }
                markSent(connection, acknowledged);
                connection.commit();
                sent.increment(acknowledged.size());
                // a partial batch reports 0 so the caller waits for the next tick instead of spinning
                return acknowledged.size() == rows.size() ? rows.size() : 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        // advisory locks span the database: key it by this service's event source so services never wait on
        // each other's relays
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtext('intranet.outbox'), hashtext(?))")) {
            lock.setString(1, config.source());
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, id, aggregateid, type, timestamp, payload::text FROM outbox
                WHERE sent_at IS NULL ORDER BY seq LIMIT ?""")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC), rs.getString(6)));
                }
            }
            return rows;
        }
    }

    private void markSent(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET sent_at = now() WHERE seq = ANY(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private Message<String> toMessage(Row row) {
        if (Outbox.TOMBSTONE.equals(row.type())) {
            // no value and no CloudEvent: Kafka's tombstone for the key
            return Message.<String>of(null)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.aggregateId()).build());
        }
        return Message.of(row.payload())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id())
                        .withType(row.type())
                        .withSource(URI.create(config.source()))
                        .withSubject(row.aggregateId())
                        .withTimestamp(row.timestamp())
                        // CloudEvents "sequence" extension: the outbox's insertion order, which per aggregate is
                        // commit order (its writes hold the aggregate's row lock); consumers version documents by it
                        .withExtension("sequence", Long.toString(row.seq()))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.aggregateId()).build());
    }

    private record Row(long seq, String id, String aggregateId, String type, java.time.ZonedDateTime timestamp,
            String payload) {
    }
}
