package dev.keyfence.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerCodec;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.SourceKeySet;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class JdbcLedgerTest {
    static final Instant T0 = Instant.parse("2023-05-15T10:00:00Z");
    static final String JKT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    static final KeyRecord.Publisher CONSUMER =
            new KeyRecord.Publisher("consumer", "https://login.example.test/9188/v2.0", "consumer");
    static Postgres postgres;
    String url;

    @BeforeAll
    static void startPostgres() {
        postgres = Postgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        url = postgres.newDatabase();
    }

    JdbcKeyLedger ledger(Duration poll) {
        return JdbcKeyLedger.builder()
                .url(url)
                .username("postgres")
                .pollInterval(poll)
                .build();
    }

    @Test
    void theLibraryCreatesItsSchemaOnceAndRecordsTheVersion() throws Exception {
        try (KeyLedger a = ledger(Duration.ofSeconds(5));
                KeyLedger b = ledger(Duration.ofSeconds(5))) {
            assertThat(a.load().keys()).isEmpty();
            assertThat(b.load().keys()).isEmpty();
        }
        try (Connection c = postgres.connect(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT version, description FROM keyfence_schema_version ORDER BY version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).as("applied once").isFalse();
        }
    }

    @Test
    void aSchemaNewerThanTheLibraryIsRefusedNotOverwritten() throws Exception {
        try (KeyLedger a = ledger(Duration.ofSeconds(5))) {
            a.load();
        }
        try (Connection c = postgres.connect(url);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO keyfence_schema_version (version, description) VALUES (99, 'from the future')");
        }
        try (KeyLedger b = ledger(Duration.ofSeconds(5))) {
            assertThatThrownBy(b::load)
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("version 99")
                    .hasMessageContaining("upgrade keyfence-ledger-jdbc");
        }
    }

    @Test
    void whatOneInstanceStoredIsKnownToAnotherAndAfterARestart() {
        try (KeyLedger a = ledger(Duration.ofSeconds(5))) {
            a.append(new LedgerBatch(
                    java.util.List.of(KeyRecord.of(JKT).seen("k1", CONSUMER, T0)),
                    java.util.List.of(new SourceKeySet("consumer", "{\"keys\":[]}", T0))));
            a.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0.plusSeconds(1)));
        }
        try (KeyLedger b = ledger(Duration.ofSeconds(5))) {
            KeyRecord r = b.load().key(JKT).orElseThrow();
            assertThat(r.scopes()).containsExactly("consumer");
            assertThat(r.firstSeen()).contains(T0);
            assertThat(r.revoked()).isTrue();
            assertThat(b.load().source("consumer").orElseThrow().readAt()).isEqualTo(T0);
            b.reinstate(JKT, new KeyRecord.Action("bob", "checked", T0.plusSeconds(2)));
            assertThat(b.load().key(JKT).orElseThrow().revoked()).isFalse();
        }
    }

    @Test
    void aRevocationReachesASubscriberThroughNotifyWithoutWaitingForAPoll() throws Exception {
        try (JdbcKeyLedger watcher = ledger(Duration.ofMinutes(10));
                KeyLedger revoker = ledger(Duration.ofMinutes(10))) {
            CountDownLatch seen = new CountDownLatch(1);
            CountDownLatch watching = new CountDownLatch(1);
            watcher.subscribe(new KeyLedger.Listener() {
                @Override
                public void stored(LedgerBatch batch) {
                    batch.keys().stream().filter(KeyRecord::revoked).findAny().ifPresent(r -> seen.countDown());
                }

                @Override
                public void watching(Instant at) {
                    watching.countDown();
                }
            });
            assertThat(watching.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(watcher.isListening()).isTrue();
            revoker.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
            // the poll interval is ten minutes: only the notification can deliver this in time
            assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRowStoredWithoutNotificationIsFoundByThePollingFallback() throws Exception {
        try (JdbcKeyLedger watcher = ledger(Duration.ofMillis(200))) {
            CountDownLatch seen = new CountDownLatch(1);
            CountDownLatch watching = new CountDownLatch(1);
            watcher.subscribe(new KeyLedger.Listener() {
                @Override
                public void stored(LedgerBatch batch) {
                    batch.keys().stream().filter(KeyRecord::revoked).findAny().ifPresent(r -> seen.countDown());
                }

                @Override
                public void watching(Instant at) {
                    watching.countDown();
                }
            });
            assertThat(watching.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(watcher.isListening()).isTrue();
            String payload = LedgerCodec.encode(
                    LedgerBatch.of(KeyRecord.of(JKT).revoked(new KeyRecord.Action("alice", "leaked", T0))));
            try (Connection c = postgres.connect(url);
                    java.sql.PreparedStatement p =
                            c.prepareStatement("INSERT INTO keyfence_ledger_record (format, payload) VALUES (1, ?)")) {
                p.setString(1, payload); // a write whose NOTIFY was lost
                p.executeUpdate();
            }
            assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anUnreachableDatabaseIsALedgerErrorThatNamesNoSecret() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (KeyLedger down = JdbcKeyLedger.builder()
                .url("jdbc:postgresql://127.0.0.1:" + port + "/kf?connectTimeout=2")
                .username("kf")
                .password("hunter2")
                .build()) {
            assertThatThrownBy(down::load)
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + port + "/kf")
                    .hasMessageNotContaining("hunter2")
                    .hasMessageNotContaining("connectTimeout");
            assertThatThrownBy(() -> down.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0)))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("cannot append");
        }
    }

    @Test
    void theConfigFileOpensTheDatabaseLedgerWithThePasswordFromTheEnvironment() {
        String yaml = """
                issuers:
                  - name: contoso
                    issuer: "https://login.example.test/tid-a/v2.0"
                    jwks-uri: "https://login.example.test/common/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                ledger:
                  jdbc-url: "%s"
                  username: postgres
                  password-env: KF_TEST_LEDGER_PASSWORD
                """.formatted(url);
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        KeyfenceConfig config =
                KeyfenceConfig.fromTree(tree, Path.of("."), Map.of("KF_TEST_LEDGER_PASSWORD", "unused-by-trust-auth"));
        try (KeyLedger ledger = config.policy().ledger().orElseThrow()) {
            assertThat(ledger).isInstanceOf(JdbcKeyLedger.class);
            assertThat(ledger.describe()).isEqualTo(url);
            ledger.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
            assertThat(ledger.load().key(JKT).orElseThrow().revoked()).isTrue();
        }
        ConfigurationException missing = org.junit.jupiter.api.Assertions.assertThrows(
                ConfigurationException.class, () -> KeyfenceConfig.fromTree(tree, Path.of("."), Map.of()));
        assertThat(missing.setting()).isEqualTo("ledger.password-env");
        assertThat(missing.getMessage()).contains("KF_TEST_LEDGER_PASSWORD");
    }
}
