package dev.keyfence.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The ledger against the official PostgreSQL image, with password authentication, for machines
 * with a Docker engine. Without one the class is skipped; {@link JdbcLedgerTest} (embedded
 * PostgreSQL, no Docker) is the primary path.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerLedgerTest {
    static final String PASSWORD = "ledger-test-password";

    @Container
    static final GenericContainer<?> POSTGRES = new GenericContainer<>(DockerImageName.parse("postgres:16-alpine"))
            .withEnv("POSTGRES_USER", "keyfence")
            .withEnv("POSTGRES_PASSWORD", PASSWORD)
            .withEnv("POSTGRES_DB", "keyfence")
            .withExposedPorts(5432)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                    .withStartupTimeout(Duration.ofMinutes(2)));

    @Test
    void aRevocationReachesAnotherInstanceWithThePasswordFromTheEnvironment() throws Exception {
        String url = "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432) + "/keyfence";
        LedgerSettings settings = LedgerSettings.jdbc(url, Optional.of("keyfence"), Optional.of("KF_LEDGER_PW"));
        Map<String, String> env = Map.of("KF_LEDGER_PW", PASSWORD);
        try (KeyLedger watcher = KeyLedgers.open(settings, env);
                KeyLedger revoker = KeyLedgers.open(settings, env)) {
            CountDownLatch watching = new CountDownLatch(1);
            CountDownLatch seen = new CountDownLatch(1);
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
            revoker.revoke("container-key", new KeyRecord.Action("alice", "leaked", Instant.now()));
            assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
