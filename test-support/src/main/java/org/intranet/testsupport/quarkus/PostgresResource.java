package org.intranet.testsupport.quarkus;

import java.util.Map;

import org.intranet.testsupport.infra.Ports;
import org.intranet.testsupport.infra.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A throw-away real PostgreSQL for one test run; Flyway migrates it as in production. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private PostgresServer postgres;

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start(Ports.free(), null);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
