package dev.keyfence.jakarta.internal;

import dev.keyfence.Reason;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The RFC 6750 section 3 responses: a bare {@code Bearer} challenge when no token was sent, 401
 * {@code invalid_token} with the reason code for a rejected token, 400 {@code invalid_request} for
 * a malformed request. Bodies hold only fixed text and reason codes, never request content.
 */
public final class Challenge {
    private final Optional<String> realm;

    /** Challenges carrying {@code realm} when one is given (already checked to be quoted-string safe). */
    public Challenge(Optional<String> realm) {
        this.realm = realm;
    }

    /** Whether text may stand inside a quoted-string of a challenge without escaping. */
    public static boolean isQuotable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** 401 with {@code WWW-Authenticate: Bearer} (plus the realm, if configured) and no body. */
    public void missing(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", realm.map(r -> "Bearer realm=\"" + r + "\"").orElse("Bearer"));
        response.setHeader("Cache-Control", "no-store");
    }

    /** 401 {@code invalid_token} whose {@code error_description} is the reason code. */
    public void invalidToken(HttpServletResponse response, Reason reason) throws IOException {
        error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token", reason.name());
    }

    /** 400 {@code invalid_request} with a fixed description of what was wrong. */
    public void invalidRequest(HttpServletResponse response, String description) throws IOException {
        error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", description);
    }

    private void error(HttpServletResponse response, int status, String error, String description) throws IOException {
        StringBuilder header = new StringBuilder("Bearer ");
        realm.ifPresent(r -> header.append("realm=\"").append(r).append("\", "));
        header.append("error=\"").append(error).append("\", error_description=\"").append(description).append('"');
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", header.toString());
        response.setHeader("Cache-Control", "no-store");
        byte[] body = ("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
