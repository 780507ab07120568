package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.TokenValidator;
import dev.keyfence.ledger.LedgerState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The key ledger in Spring: {@code keyfence.ledger.use-datasource} puts the ledger on the
 * context's DataSource (a real PostgreSQL here), contradictions and a missing DataSource fail
 * startup naming the property, and the {@code keyfenceLedger} health indicator shows the state.
 */
class KeyfenceLedgerStartupTest {
    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    KeyfenceAutoConfiguration.class,
                    KeyfenceLedgerAutoConfiguration.class,
                    KeyfenceLedgerHealthAutoConfiguration.class))
            .withPropertyValues(
                    "keyfence.issuers[0].name=contoso",
                    "keyfence.issuers[0].issuer=https://login.example.test/contoso/v2.0",
                    "keyfence.issuers[0].jwks-uri=http://127.0.0.1:9/keys",
                    "keyfence.issuers[0].key-scope=enterprise",
                    "keyfence.jwks.allow-http-loopback=true",
                    "keyfence.jwks.timeout=PT1S",
                    "keyfence.resource.audiences=api://mail",
                    "keyfence.resource.accepted-key-scopes=enterprise");

    @Test
    void useDatasourcePutsTheLedgerOnTheContextsDataSource() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            runner.withBean(DataSource.class, () -> dataSource)
                    .withPropertyValues("keyfence.ledger.use-datasource=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        TokenValidator validator = context.getBean(TokenValidator.class);
                        assertThat(validator.ledgerState()).hasValueSatisfying(s -> {
                            assertThat(s.status()).isEqualTo(LedgerState.Status.UP);
                            assertThat(s.ledger()).contains("DataSource");
                        });
                        assertThat(validator.awaitLedgerWrites(Duration.ofSeconds(30)))
                                .isTrue();
                        Health health = ((HealthIndicator) context.getBean("keyfenceLedgerHealthIndicator")).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("keyfence", "UP");
                    });
        }
    }

    @Test
    void useDatasourceWithoutADataSourceFailsStartupNamingTheProperty() {
        runner.withPropertyValues("keyfence.ledger.use-datasource=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).startsWith("keyfence.ledger.use-datasource: ");
        });
    }

    @Test
    void useDatasourceBesideADirectoryFailsStartupNamingTheProperty() {
        runner.withPropertyValues("keyfence.ledger.use-datasource=true", "keyfence.ledger.directory=" + dir)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure())).startsWith("keyfence.ledger.use-datasource: ");
                });
    }

    @Test
    void theHealthIndicatorShowsAnEmbeddedLedgerAndNoneWithout() {
        runner.withPropertyValues("keyfence.ledger.directory=" + dir.resolve("ledger"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Health health = ((HealthIndicator) context.getBean("keyfenceLedgerHealthIndicator")).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("keyfence", "UP")
                            .containsEntry(
                                    "ledger",
                                    "directory "
                                            + dir.resolve("ledger")
                                                    .toAbsolutePath()
                                                    .normalize());
                });
        runner.run(context -> {
            Health health = ((HealthIndicator) context.getBean("keyfenceLedgerHealthIndicator")).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("keyfence", "NONE");
        });
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && !(root instanceof dev.keyfence.spring.internal.KeyfencePropertyException)) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
