package dev.keyfence;

import dev.keyfence.internal.checks.HeaderCheck;
import dev.keyfence.internal.checks.KeyStrengthCheck;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.crypto.SignatureVerifier;
import dev.keyfence.internal.json.Json;
import dev.keyfence.internal.keys.JwkSetReader;
import dev.keyfence.internal.keys.KeyRing;
import dev.keyfence.internal.keys.KeySetException;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import dev.keyfence.internal.token.Fingerprint;
import dev.keyfence.internal.token.MalformedTokenException;
import dev.keyfence.internal.token.ParsedToken;
import dev.keyfence.internal.token.TokenParser;
import dev.keyfence.json.JsonException;
import dev.keyfence.json.JsonWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The signature layer alone, for troubleshooting ("does this key verify this token?"): no claims,
 * no issuer, no policy beyond key strength defaults. Never a way to accept a token; use
 * {@link TokenValidator} for that.
 *
 * <p>Checks, in order: strict compact JWS whose header is a JSON object and whose payload is any
 * bytes, JSON or not, even empty ({@link Reason#MALFORMED_TOKEN}), a known algorithm
 * ({@link Reason#ALGORITHM_NOT_ALLOWED}), no key-selecting or critical header
 * ({@link Reason#HEADER_NOT_ALLOWED}), one key that fits the {@code kid} and algorithm by its
 * {@code alg}, {@code kty}, curve, {@code use} and {@code key_ops} ({@link Reason#KEY_NOT_FOUND}),
 * key strength ({@link Reason#KEY_TOO_WEAK}), then the signature ({@link Reason#SIGNATURE_INVALID}).
 */
public final class SignatureVerification {
    private final KeyRing ring;
    private final KeyPolicy keyPolicy;

    private SignatureVerification(KeyRing ring, KeyPolicy keyPolicy) {
        this.ring = ring;
        this.keyPolicy = keyPolicy;
    }

    /**
     * Reads one JWK or a JWK set (private members are discarded). Unusable keys are left out, see
     * {@link #excludedKeys()}.
     *
     * @throws ConfigurationException (setting {@code jwk}) when the text is not JSON, holds no usable key,
     *         or mixes symmetric secrets with public keys
     */
    public static SignatureVerification of(String jwkOrJwks) {
        Objects.requireNonNull(jwkOrJwks, "jwkOrJwks");
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(jwkOrJwks);
        } catch (JsonException e) {
            throw new ConfigurationException("jwk", "not a JSON object: " + e.getMessage());
        }
        String set = doc.containsKey("keys") ? jwkOrJwks : JsonWriter.write(Map.of("keys", List.of(doc)));
        JwkSetReader.Result read;
        try {
            read = JwkSetReader.read(set);
        } catch (KeySetException e) {
            throw new ConfigurationException("jwk", Objects.requireNonNullElse(e.getMessage(), "not a usable key set"));
        }
        long symmetric =
                read.keys().stream().filter(k -> "oct".equals(k.keyType())).count();
        if (symmetric > 0 && symmetric < read.keys().size()) {
            throw new ConfigurationException(
                    "jwk",
                    "mixes symmetric (oct) secrets with public keys, which is ambiguous "
                            + "(a public key must never be taken for an HMAC secret): put them in separate files");
        }
        return new SignatureVerification(KeyRing.first(read, Instant.EPOCH), KeyPolicy.defaults());
    }

    /** Keys that were left out of the set, by kid (or {@code #index}), with why. */
    public Map<String, String> excludedKeys() {
        return ring.excluded();
    }

    /** Checks one token's signature layer. Never throws; the result never holds token content. */
    public Result verify(String token) {
        String fingerprint = Fingerprint.of(token);
        ParsedToken parsed;
        try {
            parsed = TokenParser.parseSignatureLayer(token, ValidationPolicy.DEFAULT_MAX_TOKEN_BYTES);
        } catch (MalformedTokenException e) {
            return Result.rejected(
                    Reason.MALFORMED_TOKEN,
                    Objects.requireNonNullElse(e.getMessage(), "malformed token"),
                    null,
                    fingerprint);
        }
        if (parsed.jwe()) {
            return Result.rejected(
                    Reason.MALFORMED_TOKEN, "an encrypted token (JWE) is not a compact JWS", null, fingerprint);
        }
        String kid = parsed.headerString("kid");
        if (parsed.nested()) {
            return Result.rejected(Reason.MALFORMED_TOKEN, "a nested token (cty JWT) is not checked", kid, fingerprint);
        }
        Object algValue = parsed.header().get("alg");
        if (!(algValue instanceof String algName)) {
            return Result.rejected(
                    Reason.ALGORITHM_NOT_ALLOWED,
                    algValue == null ? "alg is missing" : "alg is not a string",
                    kid,
                    fingerprint);
        }
        if (algName.toLowerCase(Locale.ROOT).equals("none")) {
            return Result.rejected(
                    Reason.ALGORITHM_NOT_ALLOWED, "unsigned tokens (alg none) never verify", kid, fingerprint);
        }
        JwsAlgorithm alg = JwsAlgorithm.byName(algName);
        if (alg == null) {
            return Result.rejected(
                    Reason.ALGORITHM_NOT_ALLOWED, "alg " + Safe.text(algName) + " is not supported", kid, fingerprint);
        }
        String refusal = HeaderCheck.refusal(parsed.header());
        if (refusal != null) {
            return Result.rejected(Reason.HEADER_NOT_ALLOWED, refusal, kid, fingerprint);
        }
        KeyRing.Lookup found = ring.find(kid, alg);
        TrackedKey key = found.key();
        if (key == null) {
            return Result.rejected(
                    Reason.KEY_NOT_FOUND, Objects.requireNonNullElse(found.problem(), "no key fits"), kid, fingerprint);
        }
        String weakness = KeyStrengthCheck.weakness(key, keyPolicy, alg);
        if (weakness != null) {
            return Result.rejected(
                    Reason.KEY_TOO_WEAK, "key " + Safe.text(key.label()) + ": " + weakness, key.kid(), fingerprint);
        }
        if (!SignatureVerifier.verify(
                alg, key.key(), parsed.ascii(), parsed.signingInputLength(), parsed.signature())) {
            return Result.rejected(
                    Reason.SIGNATURE_INVALID,
                    "signature does not verify with key " + Safe.text(key.label()),
                    key.kid(),
                    fingerprint);
        }
        return new Result(
                Optional.empty(),
                "signature verifies with key " + Safe.text(key.label()) + " (" + alg.name() + ")",
                Optional.ofNullable(key.kid()),
                Optional.of(key.thumbprint()),
                fingerprint);
    }

    /**
     * What {@link #verify} found.
     *
     * @param reason      empty when the signature verifies, else the first failing reason
     * @param detail      a short explanation, never token content or key material
     * @param kid         the token's {@code kid}, or the verifying key's
     * @param thumbprint  the RFC 7638 thumbprint of the verifying key, empty when none verified
     * @param fingerprint the token's fingerprint
     */
    public record Result(
            Optional<Reason> reason,
            String detail,
            Optional<String> kid,
            Optional<String> thumbprint,
            String fingerprint) {
        public Result {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(thumbprint, "thumbprint");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        static Result rejected(Reason reason, String detail, @Nullable String kid, String fingerprint) {
            return new Result(Optional.of(reason), detail, Optional.ofNullable(kid), Optional.empty(), fingerprint);
        }

        /** True when a key of the set verifies the signature. */
        public boolean valid() {
            return reason.isEmpty();
        }
    }
}
