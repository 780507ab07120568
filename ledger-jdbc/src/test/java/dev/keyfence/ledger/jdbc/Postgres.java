package dev.keyfence.ledger.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server on 127.0.0.1 (embedded binaries from Maven Central, no Docker), one database per test. */
final class Postgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private int databases;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() {
        try {
            return new Postgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** A fresh, empty database; its JDBC URL. */
    String newDatabase() throws SQLException {
        String name = "ledger" + (++databases);
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + name;
    }

    Connection connect(String url) throws SQLException {
        return java.sql.DriverManager.getConnection(url, "postgres", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
