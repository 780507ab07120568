package dev.keyfence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Keyfence knows about one published key, for {@code audit} and health endpoints. Holds no
 * key material: the thumbprint identifies the key without revealing it.
 *
 * @param issuerName      the trusted issuer whose source published the key
 * @param source          the source label (issuer name, plus {@code /tenant} for per-tenant sources)
 * @param kid             the key id, empty when the JWK has none
 * @param keyType         {@code RSA}, {@code EC}, {@code OKP} or {@code oct}
 * @param sizeBits        RSA modulus or curve size in bits
 * @param curve           the curve for EC and OKP keys
 * @param thumbprint      RFC 7638 SHA-256 thumbprint, base64url
 * @param notBefore       start of the effective window (strictest of its sources)
 * @param notAfter        end of the effective window
 * @param windowSources   where the window came from, e.g. {@code x5c}, {@code jwk}, {@code declared}
 * @param age             age now, from the earliest known start of the key's life
 * @param ageSource       what the age is counted from
 * @param keyIssuer       the JWK's own {@code issuer} member
 * @param scopes          every key scope the key belongs to (more than one means shared across scopes)
 * @param firstSeen       first sighting in its source
 * @param retiredAt       when it disappeared from its source
 * @param state           the state by the strictest rule
 * @param problem         a short note when the key is unusable or questionable
 * @param republished     true when the source publishes the key again after it was retired (with a
 *                        key ledger it stays {@link KeyState#RETIRED} until an operator reinstates it)
 */
public record KeyStatus(
        String issuerName,
        String source,
        Optional<String> kid,
        String keyType,
        int sizeBits,
        Optional<String> curve,
        String thumbprint,
        Optional<Instant> notBefore,
        Optional<Instant> notAfter,
        List<String> windowSources,
        Optional<Duration> age,
        Optional<String> ageSource,
        Optional<String> keyIssuer,
        Set<String> scopes,
        Instant firstSeen,
        Optional<Instant> retiredAt,
        KeyState state,
        Optional<String> problem,
        boolean republished) {
    public KeyStatus {
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        windowSources = List.copyOf(windowSources);
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(ageSource, "ageSource");
        Objects.requireNonNull(keyIssuer, "keyIssuer");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
    }

    /** A status of a key that was not published again after a retirement. */
    public KeyStatus(
            String issuerName,
            String source,
            Optional<String> kid,
            String keyType,
            int sizeBits,
            Optional<String> curve,
            String thumbprint,
            Optional<Instant> notBefore,
            Optional<Instant> notAfter,
            List<String> windowSources,
            Optional<Duration> age,
            Optional<String> ageSource,
            Optional<String> keyIssuer,
            Set<String> scopes,
            Instant firstSeen,
            Optional<Instant> retiredAt,
            KeyState state,
            Optional<String> problem) {
        this(
                issuerName,
                source,
                kid,
                keyType,
                sizeBits,
                curve,
                thumbprint,
                notBefore,
                notAfter,
                windowSources,
                age,
                ageSource,
                keyIssuer,
                scopes,
                firstSeen,
                retiredAt,
                state,
                problem,
                false);
    }

    /** True when neither a certificate, JWK dates nor a declaration gives this key a window. */
    public boolean windowUnknown() {
        return windowSources.isEmpty();
    }
}
