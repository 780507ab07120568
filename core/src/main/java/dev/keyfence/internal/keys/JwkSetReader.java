package dev.keyfence.internal.keys;

import dev.keyfence.internal.json.Json;
import dev.keyfence.json.JsonException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.Key;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JWK Set. A key that cannot be used (unsupported type or curve, malformed members, an
 * {@code x5c} certificate of another key, a {@code kid} shared with another key) is left out with
 * the reason recorded; every other key stays usable. A set that is not JSON or has no usable key
 * at all is a failure of the whole fetch. So is a set of more than {@link #MAX_KEYS} entries:
 * truncating it would drop keys at random, so the last good keys serve instead (within max-stale).
 */
public final class JwkSetReader {
    /** Most entries a key set may hold; real sets hold a handful. */
    public static final int MAX_KEYS = 100;

    private JwkSetReader() {}

    /**
     * The usable keys, the reasons others were left out, and the RFC 7638 thumbprints of every
     * left-out key whose public key still parses: a key left out still teaches its source's scope.
     */
    public record Result(
            List<TrackedKey> keys, Map<String, String> excluded, java.util.Set<String> excludedThumbprints) {
        public Result {
            keys = List.copyOf(keys);
            excluded = Map.copyOf(excluded);
            excludedThumbprints = java.util.Set.copyOf(excludedThumbprints);
        }

        /** Every thumbprint the set publishes, usable or left out. */
        public java.util.Set<String> allThumbprints() {
            java.util.Set<String> all = new java.util.HashSet<>(excludedThumbprints);
            keys.forEach(k -> all.add(k.thumbprint()));
            return all;
        }
    }

    public static Result read(String json) throws KeySetException {
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(json);
        } catch (JsonException e) {
            throw new KeySetException("key set is not a JSON object: " + e.getMessage());
        }
        if (!(doc.get("keys") instanceof List<?> entries)) {
            throw new KeySetException("key set has no \"keys\" array");
        }
        if (entries.size() > MAX_KEYS) {
            throw new KeySetException(
                    "key set has " + entries.size() + " keys, more than the " + MAX_KEYS + " allowed");
        }
        List<TrackedKey> keys = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        java.util.Set<String> taught = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            String label = entry instanceof Map<?, ?> m && m.get("kid") instanceof String k ? k : "#" + i;
            try {
                if (!(entry instanceof Map<?, ?> map)) {
                    throw new KeySetException("not a JSON object");
                }
                keys.add(toKey(map));
            } catch (KeySetException e) {
                excluded.put(label, e.getMessage());
                String thumbprint = entry instanceof Map<?, ?> map ? PublicKeyThumbprint.of(map) : null;
                if (thumbprint != null) {
                    taught.add(thumbprint);
                }
            }
        }
        Map<String, Integer> kidCount = new HashMap<>();
        for (TrackedKey k : keys) {
            if (k.kid() != null) {
                kidCount.merge(k.kid(), 1, Integer::sum);
            }
        }
        List<TrackedKey> usable = new ArrayList<>();
        for (TrackedKey k : keys) {
            String kid = k.kid();
            int sharing = kid == null ? 0 : kidCount.getOrDefault(kid, 0);
            if (kid != null && sharing > 1) {
                excluded.put(kid, "kid is shared by " + sharing + " keys in the set");
                taught.add(k.thumbprint());
            } else {
                usable.add(k);
            }
        }
        if (usable.isEmpty()) {
            throw new KeySetException(
                    "key set has no usable key" + (excluded.isEmpty() ? "" : " (left out: " + excluded + ")"), taught);
        }
        return new Result(usable, excluded, taught);
    }

    private static TrackedKey toKey(Map<?, ?> raw) throws KeySetException {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (e.getValue() != Json.NULL) {
                params.put((String) e.getKey(), e.getValue());
            }
        }
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
            params.remove(secret); // a public key set must not carry private parts; never keep them
        }
        String kid = optionalString(params, "kid");
        // x5c is read here, not by jose4j: its mismatch message would print the key's parameters
        List<X509Certificate> chain = certificates(params.remove("x5c"));
        EcCoordinates.check(params);
        JsonWebKey jwk;
        try {
            jwk = JsonWebKey.Factory.newJwk(params);
        } catch (JoseException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw new KeySetException("unusable JWK: " + safe(e));
        }
        Key key = jwk.getKey();
        String curve = null;
        int size;
        boolean exponentOne = false;
        if (jwk instanceof RsaJsonWebKey rsa) {
            RSAPublicKey pub = rsa.getRsaPublicKey();
            size = pub.getModulus().bitLength();
            exponentOne = pub.getPublicExponent().equals(BigInteger.ONE);
        } else if (jwk instanceof EllipticCurveJsonWebKey ec) {
            curve = ec.getCurveName();
            size = ((ECPublicKey) ec.getPublicKey())
                    .getParams()
                    .getCurve()
                    .getField()
                    .getFieldSize();
        } else if (jwk instanceof OctetKeyPairJsonWebKey okp) {
            curve = okp.getSubtype();
            if (!"Ed25519".equals(curve)) {
                throw new KeySetException("OKP curve " + curve + " is not a supported signing curve");
            }
            size = 256;
        } else if (jwk instanceof OctetSequenceJsonWebKey oct) {
            size = oct.getOctetSequence().length * 8;
        } else {
            throw new KeySetException("unsupported key type " + jwk.getKeyType());
        }
        Instant certNotBefore = null;
        Instant certNotAfter = null;
        if (!chain.isEmpty()) {
            if (!(jwk instanceof PublicJsonWebKey)) {
                throw new KeySetException("x5c on a symmetric key");
            }
            X509Certificate leaf = chain.get(0);
            PublicKey certKey = leaf.getPublicKey();
            if (!java.util.Arrays.equals(certKey.getEncoded(), ((PublicKey) key).getEncoded())) {
                throw new KeySetException("x5c certificate holds another key than the JWK");
            }
            certNotBefore = leaf.getNotBefore().toInstant();
            certNotAfter = leaf.getNotAfter().toInstant();
        }
        String thumbprint;
        try {
            thumbprint = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw new KeySetException("cannot compute thumbprint: " + safe(e));
        }
        boolean revoked = params.containsKey("revoked");
        Instant revokedAt = null;
        if (revoked && params.get("revoked") instanceof Map<?, ?> r && r.get("revoked_at") instanceof Number n) {
            revokedAt = numericDate(n);
        }
        List<String> keyOps = jwk.getKeyOps();
        return new TrackedKey(
                kid,
                thumbprint,
                jwk.getKeyType(),
                curve,
                size,
                key,
                jwk.getAlgorithm(),
                jwk.getUse(),
                keyOps == null ? null : List.copyOf(keyOps),
                optionalString(params, "issuer"),
                certNotBefore,
                certNotAfter,
                optionalDate(params, "nbf"),
                optionalDate(params, "exp"),
                optionalDate(params, "iat"),
                revoked,
                revokedAt,
                exponentOne);
    }

    private static List<X509Certificate> certificates(@Nullable Object x5c) throws KeySetException {
        if (x5c == null) {
            return List.of();
        }
        if (!(x5c instanceof List<?> entries) || entries.isEmpty()) {
            throw new KeySetException("x5c is not a certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object entry : entries) {
                if (!(entry instanceof String der)) {
                    throw new KeySetException("x5c is not a certificate chain");
                }
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(der))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new KeySetException("x5c is not a certificate chain");
        }
        return chain;
    }

    private static @Nullable String optionalString(Map<String, Object> params, String name) throws KeySetException {
        Object v = params.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new KeySetException("member " + name + " is not a string");
        }
        return s;
    }

    private static @Nullable Instant optionalDate(Map<String, Object> params, String name) throws KeySetException {
        Object v = params.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw new KeySetException("member " + name + " is not a NumericDate");
        }
        return numericDate(n);
    }

    static Instant numericDate(Number n) {
        double seconds = n.doubleValue();
        if (seconds >= 3.1e16) {
            return Instant.MAX;
        }
        if (seconds <= -3.1e16) {
            return Instant.MIN;
        }
        long whole = (long) Math.floor(seconds);
        long nanos = (long) ((seconds - whole) * 1e9);
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static String safe(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        if (m.contains("MUST match the bare public key")) {
            return "x5c certificate holds another key than the JWK";
        }
        // jose4j may print a key after "Public key =": keep no key material in messages
        int cut = m.toLowerCase(java.util.Locale.ROOT).indexOf("key =");
        if (cut >= 0) {
            m = m.substring(0, cut).strip();
        }
        int line = m.indexOf('\n');
        if (line >= 0) {
            m = m.substring(0, line).strip();
        }
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
