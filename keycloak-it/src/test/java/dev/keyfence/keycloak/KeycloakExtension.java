package dev.keyfence.keycloak;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared {@link KeycloakServer} before the first Keycloak test class and stops it when
 * the test run ends (JUnit closes the root store), and resolves {@link KeycloakServer} and
 * {@link KeycloakAdmin} parameters.
 *
 * <p>The switch, read from a system property or the environment:
 * <ul>
 *   <li>{@code REQUIRE_KEYCLOAK=true} (env or {@code -DREQUIRE_KEYCLOAK=true}) or
 *       {@code -Dkeycloak.tests=true}: Keycloak is required; if it cannot start, tests FAIL.
 *       CI sets this.
 *   <li>{@code -Dkeycloak.tests=false} or {@code KEYCLOAK_TESTS=false}: never start it; skip.
 *   <li>otherwise (default): try to start it; if that fails, the tests are skipped with the reason.
 * </ul>
 *
 * <p>Skipping is done by an {@link ExecutionCondition} rather than an assumption in
 * {@code @BeforeAll}: Surefire reports a class disabled by a condition as skipped, with the reason,
 * while a class aborted in {@code @BeforeAll} shows up as "Tests run: 0" and the reason is lost.
 */
public final class KeycloakExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    /** How the switch is set. */
    enum Mode {
        REQUIRED,
        AUTO,
        DISABLED
    }

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (mode()) {
            case DISABLED ->
                ConditionEvaluationResult.disabled(
                        "Keycloak tests disabled by keycloak.tests=false / KEYCLOAK_TESTS=false");
            case REQUIRED -> ConditionEvaluationResult.enabled("Keycloak required: a failed start fails the tests");
            case AUTO -> {
                try {
                    KeycloakServer.shared();
                    yield ConditionEvaluationResult.enabled("Keycloak is running");
                } catch (KeycloakUnavailableException e) {
                    yield ConditionEvaluationResult.disabled(SKIP_HINT + e.getMessage());
                }
            }
        };
    }

    private static final String SKIP_HINT = "Keycloak could not be started, skipping (set REQUIRE_KEYCLOAK=true"
            + " or -Dkeycloak.tests=true to make this a failure): ";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == KeycloakAdmin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KeycloakServer server = server(context);
        return parameter.getParameter().getType() == KeycloakServer.class ? server : server.admin();
    }

    private static KeycloakServer server(ExtensionContext context) {
        Mode mode = mode();
        if (mode == Mode.DISABLED) {
            Assumptions.abort("Keycloak tests disabled by keycloak.tests=false / KEYCLOAK_TESTS=false");
        }
        try {
            KeycloakServer server = KeycloakServer.shared();
            // one entry per run: JUnit closes AutoCloseable root-store values when the run ends
            context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(KeycloakServer.class, k -> server, KeycloakServer.class);
            return server;
        } catch (KeycloakUnavailableException e) {
            if (mode == Mode.REQUIRED) {
                throw e;
            }
            return Assumptions.abort(SKIP_HINT + e.getMessage());
        }
    }

    static Mode mode() {
        if (isTrue(KeycloakServer.setting("REQUIRE_KEYCLOAK", "REQUIRE_KEYCLOAK", "false"))) {
            return Mode.REQUIRED;
        }
        String keycloak = KeycloakServer.setting("keycloak.tests", "KEYCLOAK_TESTS", "auto")
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (keycloak) {
            case "true", "required" -> Mode.REQUIRED;
            case "false", "off", "skip" -> Mode.DISABLED;
            default -> Mode.AUTO;
        };
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value.trim());
    }
}
