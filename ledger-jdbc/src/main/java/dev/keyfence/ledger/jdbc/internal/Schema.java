package dev.keyfence.ledger.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's tables, created and versioned by the library: {@code keyfence_schema_version}
 * records every migration applied; migrations run in order, each once, inside one transaction
 * under an advisory lock, so that instances starting together neither race nor apply one twice.
 */
public final class Schema {
    /** The advisory lock key that serializes migrations ("kfschema"). */
    static final long MIGRATION_LOCK = 0x6b66736368656d61L;

    /** One migration: its version, what it does, and its statements. */
    record Migration(int version, String description, List<String> statements) {}

    static final List<Migration> MIGRATIONS = List.of(new Migration(
            1,
            "append-only ledger records",
            List.of("CREATE TABLE keyfence_ledger_record ("
                    + " seq bigserial PRIMARY KEY,"
                    + " stored_at timestamptz NOT NULL DEFAULT now(),"
                    + " format integer NOT NULL,"
                    + " payload text NOT NULL)")));

    /** The newest version this library knows. */
    public static final int CURRENT = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {}

    /**
     * Brings the schema to {@link #CURRENT}; does nothing when it is there already.
     *
     * @return the version the database had before
     * @throws SchemaTooNewException when the database was migrated by a newer library
     */
    public static int migrate(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, MIGRATION_LOCK);
                lock.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS keyfence_schema_version ("
                        + " version integer PRIMARY KEY,"
                        + " description text NOT NULL,"
                        + " applied_at timestamptz NOT NULL DEFAULT now())");
            }
            int before = version(c);
            if (before > CURRENT) {
                throw new SchemaTooNewException(before, CURRENT);
            }
            for (Migration m : MIGRATIONS) {
                if (m.version() <= before) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO keyfence_schema_version (version, description) VALUES (?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.executeUpdate();
                }
            }
            c.commit();
            return before;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The highest migration applied, 0 for none. */
    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM keyfence_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The database's schema is newer than this library: it must not write there. */
    public static final class SchemaTooNewException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaTooNewException(int found, int known) {
            super("the ledger schema is at version " + found + ", newer than this library knows (" + known
                    + "); upgrade keyfence-ledger-jdbc");
        }
    }
}
