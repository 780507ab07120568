package dev.keyfence;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating one token: {@link Accepted} or {@link Rejected}, never an exception.
 *
 * <p>Both carry what was learned about the token before the decision (issuer, tenant, key id,
 * key scope), each empty where unknown. None of it is token content beyond those identifiers.
 */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    /** True only for {@link Accepted}. */
    boolean valid();

    /** The token's {@code iss}, when it was a string. */
    Optional<String> issuer();

    /** The tenant, for tokens of a {@code {tenantid}} issuer whose {@code tid} was read. */
    Optional<String> tenant();

    /** The {@code kid} from the header, when it was a string. */
    Optional<String> kid();

    /** The key scope of the key that was selected, when one was. */
    Optional<String> keyScope();

    /** The token's fingerprint: the first 12 hex digits of the SHA-256 of the token string. */
    String fingerprint();

    /**
     * The fingerprint verdicts and the audit log give {@code token} (null reads as empty): the
     * first 12 hex digits of the SHA-256 of the token string, so a token can be named without
     * being shown.
     */
    static String fingerprintOf(String token) {
        return dev.keyfence.internal.token.Fingerprint.of(token);
    }

    /** The token passed every check; {@link #token()} holds what was verified. */
    record Accepted(VerifiedToken token) implements Verdict {
        public Accepted {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean valid() {
            return true;
        }

        @Override
        public Optional<String> issuer() {
            return Optional.of(token.issuer());
        }

        @Override
        public Optional<String> tenant() {
            return token.tenant();
        }

        @Override
        public Optional<String> kid() {
            return token.kid();
        }

        @Override
        public Optional<String> keyScope() {
            return Optional.of(token.keyScope());
        }

        @Override
        public String fingerprint() {
            return token.fingerprint();
        }
    }

    /**
     * The token failed a check. {@code detail} is a short human-readable explanation that never
     * contains the token, a signature, a claim value beyond iss/tid/kid, or key material.
     */
    record Rejected(
            Reason reason,
            String detail,
            Optional<String> issuer,
            Optional<String> tenant,
            Optional<String> kid,
            Optional<String> keyScope,
            String fingerprint)
            implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(keyScope, "keyScope");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public boolean valid() {
            return false;
        }

        @Override
        public String toString() {
            return "Rejected[" + reason + ": " + detail + ", token " + fingerprint + "]";
        }
    }
}
