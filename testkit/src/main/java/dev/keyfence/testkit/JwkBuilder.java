package dev.keyfence.testkit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jwk.JsonWebKey;

/**
 * An immutable builder of a {@link TestKey}'s public JWK, with any extra or altered members.
 *
 * <p>Every method returns a new builder. Key pairs never expose private members ({@code d},
 * {@code p}, {@code q}, ...). An HMAC key's JWK carries its secret {@code k}, since an
 * {@code oct} JWK without it describes nothing.
 *
 * <pre>{@code
 * String json = TestKey.rsa("k1").jwk()
 *         .member("issuer", "https://login.example.test/tid-a/v2.0")
 *         .certificate(Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"))
 *         .toJson();
 * }</pre>
 */
public final class JwkBuilder {

    private final TestKey key;
    private final Map<String, Object> overrides;

    JwkBuilder(TestKey key) {
        this(key, new LinkedHashMap<>());
    }

    private JwkBuilder(TestKey key, Map<String, Object> overrides) {
        this.key = key;
        this.overrides = overrides;
    }

    /** @return the key this JWK describes */
    public TestKey key() {
        return key;
    }

    /**
     * Sets, replaces or (with a null value) keeps-as-JSON-null any member, e.g. {@code issuer},
     * {@code nbf}/{@code exp}/{@code iat} (numbers, or {@link Instant} for NumericDate),
     * {@code revoked} (a map), {@code use}, {@code alg}, {@code key_ops} (a list), or even
     * {@code kty}/{@code n} to corrupt the key. Values go through {@link Json#write(Object)}.
     *
     * @param name  member name
     * @param value member value; {@code null} writes JSON null
     * @return a new builder
     */
    public JwkBuilder member(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(overrides);
        copy.remove(name);
        copy.put(Objects.requireNonNull(name, "name"), value == null ? NULL : value);
        return new JwkBuilder(key, copy);
    }

    /**
     * Removes a member (from the key's own members or an earlier {@link #member}).
     *
     * @param name member name
     * @return a new builder
     */
    public JwkBuilder without(String name) {
        Map<String, Object> copy = new LinkedHashMap<>(overrides);
        copy.remove(name);
        copy.put(Objects.requireNonNull(name, "name"), REMOVED);
        return new JwkBuilder(key, copy);
    }

    /**
     * Overrides the {@code kid} member.
     *
     * @param kid the kid to publish
     * @return a new builder
     */
    public JwkBuilder kid(String kid) {
        return member("kid", kid);
    }

    /** @return a new builder whose JWK has no {@code kid} member */
    public JwkBuilder withoutKid() {
        return without("kid");
    }

    /**
     * Sets {@code x5c} to the given chain, leaf first.
     *
     * @param chain certificates, leaf first
     * @return a new builder
     */
    public JwkBuilder x5c(X509Certificate... chain) {
        List<String> entries = new ArrayList<>();
        for (X509Certificate c : chain) {
            entries.add(Certificates.base64Der(c));
        }
        return member("x5c", Collections.unmodifiableList(entries));
    }

    /**
     * Sets {@code x5c} to a fresh self-signed certificate for this key with exactly that validity
     * (to the second), CN = kid.
     *
     * @param notBefore start of validity
     * @param notAfter  end of validity
     * @return a new builder
     */
    public JwkBuilder certificate(Instant notBefore, Instant notAfter) {
        return certificateOf(key, notBefore, notAfter);
    }

    /**
     * Sets {@code x5c} to a self-signed certificate holding ANOTHER key (x5c/JWK mismatch tests).
     *
     * @param other     the key the certificate holds
     * @param notBefore start of validity
     * @param notAfter  end of validity
     * @return a new builder
     */
    public JwkBuilder certificateOf(TestKey other, Instant notBefore, Instant notAfter) {
        return x5c(Certificates.selfSigned(other.keyPair(), other.kid(), notBefore, notAfter));
    }

    /** @return the JWK members in order: the key's own, then added ones */
    public Map<String, Object> toMap() {
        JsonWebKey.OutputControlLevel level = key.isSymmetric()
                ? JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC
                : JsonWebKey.OutputControlLevel.PUBLIC_ONLY;
        Map<String, Object> members = new LinkedHashMap<>(key.jose4jJwk().toParams(level));
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (e.getValue() == REMOVED) {
                members.remove(e.getKey());
            } else {
                members.put(e.getKey(), e.getValue() == NULL ? null : e.getValue());
            }
        }
        return Collections.unmodifiableMap(members);
    }

    /** @return the JWK as compact JSON text */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public String toString() {
        return "JwkBuilder[" + key + "]";
    }

    private static final Object REMOVED = new Object();
    private static final Object NULL = new Object();
}
