package dev.keyfence.spring;

import dev.keyfence.RequestContext;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.spring.internal.CurrentRequest;
import dev.keyfence.spring.internal.SpringClaims;
import dev.keyfence.spring.internal.TokenHeader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A Spring Security {@link JwtDecoder} that runs every Keyfence control. An accepted token becomes
 * a {@link KeyfenceJwt}; a rejected one a {@link JwtValidationException} whose message and
 * {@code invalid_token} error description are the reason code alone (e.g. {@code KEY_EXPIRED}),
 * so Spring answers {@code 401} with {@code WWW-Authenticate: Bearer error="invalid_token",
 * error_description="KEY_EXPIRED"}. No token content reaches the exception or the log, and no
 * other exception leaves it for any signed token (extreme claim values included).
 *
 * <p>A sender-constrained token ({@code cnf}) is checked against the servlet request being served
 * (its TLS client certificate, RFC 8705, or its DPoP proof, RFC 9449), found through Spring's
 * {@code RequestContextHolder}; outside a request such a token is refused with
 * {@code TOKEN_BINDING_MISMATCH}.
 */
public final class KeyfenceJwtDecoder implements JwtDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(KeyfenceJwtDecoder.class);

    private final TokenValidator validator;
    private final List<KeyfenceVerdictListener> listeners;

    /** A decoder for the validator's resource, telling each verdict to the listeners. */
    public KeyfenceJwtDecoder(TokenValidator validator, List<KeyfenceVerdictListener> listeners) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.listeners = List.copyOf(listeners);
    }

    /** A decoder for the validator's resource. */
    public KeyfenceJwtDecoder(TokenValidator validator) {
        this(validator, List.of());
    }

    /** The validator this decoder applies. */
    public TokenValidator validator() {
        return validator;
    }

    @Override
    public Jwt decode(String token) throws JwtValidationException {
        return decode(token, CurrentRequest.context());
    }

    /** {@link #decode(String)} for a request that presents {@code context} (the reactive decoder's way). */
    Jwt decode(String token, RequestContext context) throws JwtValidationException {
        Verdict verdict = validator.validate(token, context);
        String resource = validator.resource().name();
        for (KeyfenceVerdictListener listener : listeners) {
            listener.onVerdict(resource, verdict);
        }
        if (verdict instanceof Verdict.Rejected rejected) {
            String code = rejected.reason().name();
            LOG.debug(
                    "token {} rejected for resource {}: {} ({})",
                    rejected.fingerprint(),
                    resource,
                    code,
                    rejected.detail());
            throw new JwtValidationException(code, List.of(new OAuth2Error("invalid_token", code, null)));
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        Map<String, Object> claims = SpringClaims.of(accepted.token());
        Instant issuedAt = claims.get("iat") instanceof Instant iat
                        && iat.isBefore(accepted.token().expiresAt())
                ? iat
                : null;
        return new KeyfenceJwt(token, issuedAt, TokenHeader.of(accepted.token()), claims, accepted.token());
    }

    @Override
    public String toString() {
        return "KeyfenceJwtDecoder[" + validator.resource().name() + "]";
    }
}
