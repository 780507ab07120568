package dev.keyfence.keycloak;

/** Keycloak answered an admin or token request with an unexpected status, or could not be reached. */
public final class KeycloakAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public KeycloakAdminException(String request, int status, String body) {
        super(request + " -> HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public KeycloakAdminException(String message) {
        this(message, (Throwable) null);
    }

    public KeycloakAdminException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.body = "";
    }

    /** The HTTP status, or -1 if no response was received. */
    public int status() {
        return status;
    }

    /** Keycloak's response body (often {@code {"errorMessage": ...}}), or empty. */
    public String body() {
        return body;
    }
}
