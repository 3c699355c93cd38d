package org.intranet.kit.api;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.intranet.kit.domain.DependencyUnavailableException;

/**
 * Recognises, anywhere in a failure's cause chain, that a dependency is away rather than that the request or the
 * code is wrong: PostgreSQL connection failures (SQLState class 08, a pool that cannot get a connection, the
 * server shutting down: 57P01–57P03), a refused or timed-out socket, or a {@link DependencyUnavailableException}.
 */
final class Unavailable {
    private Unavailable() {
    }

    static Optional<String> dependencyOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailableException away) {
                return Optional.of(away.dependency());
            }
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of("the database");
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of("the database");
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("Acquisition timeout")) {
                return Optional.of("the database");   // Agroal: no connection could be had in time
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Optional.of("a service this one depends on");
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
