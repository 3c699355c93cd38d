package org.intranet.testsupport.local;

import java.nio.file.Path;

import org.intranet.testsupport.infra.PostgresServer;

/** {@code ./intranet up}'s PostgreSQL: {@code --port 5432 --data DIR [--database intranet]}. */
public final class LocalPostgres {
    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(LocalMain.option(args, "--port", "5432"));
        Path data = Path.of(LocalMain.option(args, "--data", ".intranet/postgres")).toAbsolutePath();
        String database = LocalMain.option(args, "--database", "intranet");
        PostgresServer postgres = PostgresServer.start(port, data);
        postgres.ensureDatabase(database);
        LocalMain.ready("postgres on " + postgres.jdbcUrl(database), started);
        LocalMain.runUntilTerminated(postgres);
    }
}
