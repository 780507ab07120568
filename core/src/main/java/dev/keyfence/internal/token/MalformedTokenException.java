package dev.keyfence.internal.token;

/** The token is not a strict compact JWS; the message is safe to show (no token content). */
public final class MalformedTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedTokenException(String message) {
        super(message, null, false, false);
    }
}
