package dev.keyfence.keycloak;

/** The Keycloak server could not be started (no distribution, no JDK 21+, start-up failed or timed out). */
public final class KeycloakUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeycloakUnavailableException(String message) {
        super(message);
    }

    public KeycloakUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
