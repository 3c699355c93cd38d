package org.intranet.testsupport.quarkus;

import java.util.Map;

import org.intranet.testsupport.infra.Ports;
import org.intranet.testsupport.infra.PostgresServer;
import org.intranet.testsupport.infra.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A throw-away real PostgreSQL for one test run; Flyway migrates it as in production. The application reaches it
 * through a {@link TcpProxy}, so a test can take the database away and bring it back ({@link DatabaseControl}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private PostgresServer postgres;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start(Ports.free(), null);
        proxy = TcpProxy.start(Ports.free(), postgres.port());
        DatabaseControl.register(proxy::cut, proxy::resume);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
