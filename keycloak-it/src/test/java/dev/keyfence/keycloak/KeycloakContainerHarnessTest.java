package dev.keyfence.keycloak;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same smoke scenario against the official image, for machines with a Docker engine.
 * Without one the class is skipped; {@link KeycloakHarnessTest} (no Docker) is the primary path.
 */
@Tag("keycloak")
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerHarnessTest {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "admin-password";

    @Container
    static final GenericContainer<?> KEYCLOAK = new GenericContainer<>(
                    DockerImageName.parse("quay.io/keycloak/keycloak:" + KeycloakServer.DEFAULT_VERSION))
            .withCommand("start-dev", "--db=dev-mem", "--health-enabled=true")
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN)
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
            .withExposedPorts(8080, 9000)
            .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(3)));

    @Test
    void clientCredentialsTokenIsSignedByAKeyInTheJwks() {
        URI base = URI.create("http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(8080));
        HarnessScenarios.smoke(new KeycloakAdmin(base, ADMIN, PASSWORD), "container-smoke");
    }
}
