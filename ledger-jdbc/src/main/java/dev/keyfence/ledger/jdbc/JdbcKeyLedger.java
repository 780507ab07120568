package dev.keyfence.ledger.jdbc;

import dev.keyfence.ledger.BadRecordException;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerCodec;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import dev.keyfence.ledger.LedgerUrls;
import dev.keyfence.ledger.LedgerView;
import dev.keyfence.ledger.jdbc.internal.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key ledger in PostgreSQL, shared by a fleet of validators. Every write is one row of an
 * append-only table ({@code keyfence_ledger_record}), stored in a transaction that holds an
 * advisory lock, so that rows become visible in the order of their sequence numbers and a reader
 * that remembers the last number it read misses nothing. Each write sends a {@code NOTIFY} on
 * channel {@value #CHANNEL}; subscribers {@code LISTEN} on a connection of their own and read new
 * rows at once, and poll every {@code pollInterval} besides, so that a lost notification or a
 * dropped connection delays a change by at most one interval.
 *
 * <p>The schema is created and migrated by the library on first use ({@code keyfence_schema_version}).
 * Nothing touches the database before the first {@link #load}, {@link #append} or
 * {@link #subscribe}.
 *
 * <pre>{@code
 * KeyLedger ledger = JdbcKeyLedger.builder().dataSource(dataSource, "keyfence db").build();
 * }</pre>
 */
public final class JdbcKeyLedger implements KeyLedger {
    /** The channel every write notifies. */
    public static final String CHANNEL = "keyfence_ledger";
    /** Default interval of the polling fallback. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** The advisory lock key that orders writes ("kfledger"). */
    static final long APPEND_LOCK = 0x6b666c6564676572L;

    private static final int PAGE = 1000;
    /** The longest wait before reconnecting the listening connection. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyLedger.class);

    private final Connections connections;
    private final String description;
    private final Duration pollInterval;
    private final LedgerView view = new LedgerView();
    private final Object readLock = new Object();
    private final Object lifecycle = new Object();
    private volatile boolean migrated;
    private volatile boolean closed;
    private volatile @Nullable Connection listening;
    private volatile boolean listeningNow;
    private @Nullable Thread listener;

    /** Opens connections: a {@link DataSource}, or the driver manager with a URL. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private JdbcKeyLedger(Builder b) {
        this.connections = Objects.requireNonNull(b.connections, "connections"); // build() checked
        this.description = Objects.requireNonNull(b.description, "description"); // given with the connections
        this.pollInterval = b.pollInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public LedgerSnapshot load() {
        try (Connection c = connect()) {
            catchUp(c);
            return view.snapshot();
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public void append(LedgerBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        String payload = LedgerCodec.encode(batch);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, APPEND_LOCK);
                    lock.execute();
                }
                long seq;
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO keyfence_ledger_record (format, payload) VALUES (?, ?) RETURNING seq")) {
                    insert.setInt(1, LedgerCodec.VERSION);
                    insert.setString(2, payload);
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1);
                    }
                }
                try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, Long.toString(seq));
                    notify.execute();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot append", e);
        }
        view.absorb(List.of(batch), view.position());
    }

    @Override
    public Subscription subscribe(Listener subscriber) {
        Subscription subscription = view.subscribe(subscriber);
        synchronized (lifecycle) {
            if (closed) {
                subscription.close();
                throw new IllegalStateException("ledger closed");
            }
            if (listener == null) {
                listener = new Thread(this::listen, "keyfence-ledger-listen");
                listener.setDaemon(true);
                listener.start();
            }
        }
        return subscription;
    }

    /**
     * True while subscribers are served by a live {@code LISTEN} connection (changes arrive at
     * once); false before the first subscription and while the database is unreachable.
     */
    public boolean isListening() {
        return listeningNow;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            lifecycle.notifyAll();
        }
        view.clear();
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection: {}", e.getSQLState());
            }
        }
    }

    /** The listening thread: LISTEN, then read new rows on every notification and every poll interval. */
    private void listen() {
        Duration backoff = Duration.ofMillis(100);
        while (!closed) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = c;
                if (closed) {
                    return;
                }
                backoff = Duration.ofMillis(100);
                catchUp(c); // after LISTEN: nothing stored from here on goes unnoticed
                view.deliver();
                listeningNow = true;
                view.watching(Clock.systemUTC().instant());
                int waitMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, pollInterval.toMillis()));
                while (!closed) {
                    pg.getNotifications(waitMillis); // returns on a notification or after the poll interval
                    catchUp(c);
                    view.deliver();
                }
            } catch (SQLException | LedgerException e) {
                if (closed) {
                    return;
                }
                String problem = Objects.requireNonNullElse(
                        e instanceof LedgerException
                                ? e.getMessage()
                                : failure("cannot listen", (SQLException) e).getMessage(),
                        "ledger " + description + ": cannot listen");
                LOG.warn("{}; retrying in {} ms", problem, backoff.toMillis());
                view.unavailable(problem, Clock.systemUTC().instant());
                synchronized (lifecycle) {
                    if (!closed) {
                        try {
                            lifecycle.wait(backoff.toMillis());
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                Duration ceiling = pollInterval.compareTo(MAX_BACKOFF) < 0 ? pollInterval : MAX_BACKOFF;
                backoff = backoff.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : backoff.multipliedBy(2);
            } finally {
                listeningNow = false;
                listening = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection c = connections.open();
        if (!migrated) {
            try {
                int before = Schema.migrate(c);
                if (before < Schema.CURRENT) {
                    LOG.info("ledger {}: schema migrated from version {} to {}", description, before, Schema.CURRENT);
                }
                migrated = true;
            } catch (SQLException | Schema.SchemaTooNewException e) {
                c.close();
                if (e instanceof Schema.SchemaTooNewException tooNew) {
                    throw new LedgerException("ledger " + description + ": " + tooNew.getMessage());
                }
                throw (SQLException) e;
            }
        }
        return c;
    }

    /** Reads every row after the last one read, in order; a row that cannot be decoded stops the read. */
    private void catchUp(Connection c) throws SQLException {
        synchronized (readLock) {
            while (true) {
                long from = view.position();
                List<LedgerBatch> batches = new ArrayList<>();
                long last = from;
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT seq, format, payload FROM keyfence_ledger_record WHERE seq > ? ORDER BY seq LIMIT "
                                + PAGE)) {
                    q.setLong(1, from);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            try {
                                batches.add(LedgerCodec.decode(rs.getString(3)));
                            } catch (BadRecordException e) {
                                view.absorb(batches, last);
                                throw new LedgerException("ledger " + description + ": record " + seq + " (format "
                                        + rs.getInt(2) + ") cannot be read: " + e.getMessage());
                            }
                            last = seq;
                        }
                    }
                }
                view.absorb(batches, last);
                if (batches.size() < PAGE) {
                    return;
                }
            }
        }
    }

    private LedgerException failure(String what, SQLException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return new LedgerException(
                "ledger " + description + ": " + what + " (" + e.getClass().getSimpleName()
                        + (e.getSQLState() == null ? "" : " " + e.getSQLState()) + ": " + message + ")",
                e);
    }

    /** Builder: a {@link DataSource} (for example Spring's), or a JDBC URL with user and password. */
    public static final class Builder {
        private @Nullable Connections connections;
        private @Nullable String description;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private final Properties login = new Properties();
        private @Nullable String url;

        private Builder() {}

        /** Connections from {@code dataSource}; {@code description} names it in logs (no credentials). */
        public Builder dataSource(DataSource dataSource, String description) {
            Objects.requireNonNull(dataSource, "dataSource");
            requireUnset();
            this.connections = dataSource::getConnection;
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Connections to {@code jdbcUrl} (with {@link #username} and {@link #password} when the database needs them). */
        public Builder url(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            requireUnset();
            this.url = jdbcUrl;
            this.connections = () -> DriverManager.getConnection(jdbcUrl, login);
            this.description = LedgerUrls.redact(jdbcUrl);
            return this;
        }

        /** The database user for {@link #url}. */
        public Builder username(String username) {
            login.setProperty("user", Objects.requireNonNull(username, "username"));
            return this;
        }

        /** The password for {@link #url}; kept in memory only, never printed. */
        public Builder password(String password) {
            login.setProperty("password", Objects.requireNonNull(password, "password"));
            return this;
        }

        /** How often subscribers read new rows when no notification arrives; default 5 s. */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            this.pollInterval = interval;
            return this;
        }

        private void requireUnset() {
            if (connections != null) {
                throw new IllegalStateException("give either a data source or a URL, once");
            }
        }

        public JdbcKeyLedger build() {
            if (connections == null) {
                throw new IllegalStateException("give a data source or a URL");
            }
            if (url == null && !login.isEmpty()) {
                throw new IllegalStateException("username and password go with a URL; a data source brings its own");
            }
            if (url != null) {
                Properties fixed = new Properties();
                fixed.putAll(login); // later calls on this builder change nothing in the built ledger
                String target = url;
                connections = () -> DriverManager.getConnection(target, fixed);
            }
            return new JdbcKeyLedger(this);
        }
    }
}
