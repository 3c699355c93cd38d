package org.intranet.notification.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.intranet.kit.store.Sql;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code NOTIFY}/{@code LISTEN} on one channel, to reach every replica of the service. A signal sent in a
 * transaction is delivered only when it commits (and never when it rolls back), to every listening connection,
 * this replica's included. Each replica listens on one dedicated connection outside the pool, reconnecting with
 * backoff when the database goes away; signals sent while it was away are lost (clients re-read the list).
 */
@ApplicationScoped
public class PgSignals {
    static final String CHANNEL = "intranet_notifications";
    private static final Logger LOG = Logger.getLogger(PgSignals.class);
    private static final int POLL_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final Sql sql;
    private final String url;
    private final Properties credentials = new Properties();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean connected = new AtomicBoolean();
    private volatile Thread thread;

    PgSignals(Sql sql, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.sql = sql;
        this.url = url;
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", "notification-signals");
    }

    /** Queues a signal in the current transaction (or sends it at once without one). Payloads stay short (ids). */
    public void send(String payload) {
        sql.one("SELECT pg_notify(?, ?)", rs -> Boolean.TRUE, CHANNEL, payload);
    }

    /** Starts listening on a daemon thread; each payload is handed to {@code handler} on that thread, in order. */
    public void listen(Consumer<String> handler) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already listening");
        }
        Thread listener = new Thread(() -> loop(handler), "notification-signals");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    /** Whether the listening connection is up: while it is not, other replicas' signals do not arrive. */
    public boolean connected() {
        return connected.get();
    }

    public void stop() {
        running.set(false);
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void loop(Consumer<String> handler) {
        long backoff = 500;
        while (running.get()) {
            try (Connection connection = new org.postgresql.Driver().connect(url, credentials)) {
                if (connection == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                connected.set(true);
                backoff = 500;
                LOG.infof("listening to %s", CHANNEL);
                while (running.get()) {
                    PGNotification[] signals = pg.getNotifications(POLL_MILLIS);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            dispatch(handler, signal.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                connected.set(false);
                if (running.get()) {
                    LOG.warnf("signal connection lost (%s); reconnecting in %d ms", e.getMessage(), backoff);
                    if (!pause(backoff)) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
        }
        connected.set(false);
    }

    private static void dispatch(Consumer<String> handler, String payload) {
        try {
            handler.accept(payload);
        } catch (RuntimeException e) {
            // one signal failing (a database hiccup while loading it) must not stop the others
            LOG.warnf("signal %s not handled: %s", payload, e.getMessage());
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
