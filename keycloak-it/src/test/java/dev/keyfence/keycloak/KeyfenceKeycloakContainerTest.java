package dev.keyfence.keycloak;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same Keyfence scenario against the official Keycloak image, where a Docker engine exists;
 * skipped without one. The issuers are reached on 127.0.0.1 (Keyfence allows plain http only to
 * loopback), so a remote Docker host does not fit this test.
 */
@Tag("keycloak")
@Testcontainers(disabledWithoutDocker = true)
class KeyfenceKeycloakContainerTest extends KeyfenceScenario {

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

    private KeycloakAdmin admin;

    @Override
    synchronized KeycloakAdmin keycloak() {
        if (admin == null) {
            String host = "localhost".equals(KEYCLOAK.getHost()) ? "127.0.0.1" : KEYCLOAK.getHost();
            admin = new KeycloakAdmin(
                    URI.create("http://" + host + ":" + KEYCLOAK.getMappedPort(8080)), ADMIN, PASSWORD);
        }
        return admin;
    }
}
