package dev.keyfence.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable builder of compact JWS tokens, honest or hostile. Every setter returns a new
 * builder, so a base builder can be shared and varied. Start with {@link Tokens#builder()}.
 *
 * <p>Header and claims are JSON objects written in insertion order by {@link Json}; any value
 * it writes is allowed ({@link Instant} becomes NumericDate seconds, {@link RawJson} is copied
 * verbatim, a string {@code "1700000000"} stays a string for type-confusion tests).
 * {@link #rawHeader(String)} and {@link #rawPayload(String)} replace the JSON text entirely.
 *
 * <p>At signing, a missing {@code alg} header becomes the signing algorithm, and a missing
 * {@code kid} becomes the key's kid unless {@link #withoutKid()} was called.
 *
 * <pre>{@code
 * String token = Tokens.builder()
 *         .typ("at+jwt").issuer(ISS).audience("api://mail").subject("alice")
 *         .expiresIn(Duration.ofMinutes(5), clock)
 *         .signedWith(TestKey.rsa("k1"));
 * }</pre>
 */
public final class TokenBuilder {

    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final @Nullable String rawHeader;
    private final @Nullable String rawPayload;
    private final boolean autoKid;

    TokenBuilder() {
        this(Map.of(), Map.of(), null, null, true);
    }

    private TokenBuilder(
            Map<String, Object> header,
            Map<String, Object> claims,
            @Nullable String rawHeader,
            @Nullable String rawPayload,
            boolean autoKid) {
        this.header = header;
        this.claims = claims;
        this.rawHeader = rawHeader;
        this.rawPayload = rawPayload;
        this.autoKid = autoKid;
    }

    // ---- header ----

    /**
     * Sets any header member ({@code jku}, {@code jwk}, {@code x5c}, {@code crit}, {@code b64},
     * {@code cty}, ...); a null value writes JSON null.
     *
     * @param name  member name
     * @param value member value
     * @return a new builder
     */
    public TokenBuilder header(String name, Object value) {
        return new TokenBuilder(put(header, name, value), claims, rawHeader, rawPayload, autoKid);
    }

    /**
     * Removes a header member.
     *
     * @param name member name
     * @return a new builder
     */
    public TokenBuilder withoutHeader(String name) {
        return new TokenBuilder(remove(header, name), claims, rawHeader, rawPayload, autoKid && !"kid".equals(name));
    }

    /**
     * Sets {@code alg}; signing then uses it (unless {@link #signedWith(TestKey, String)} says otherwise).
     *
     * @param alg e.g. RS256, or a hostile spelling such as {@code nOnE}
     * @return a new builder
     */
    public TokenBuilder alg(String alg) {
        return header("alg", alg);
    }

    /**
     * Sets {@code typ}.
     *
     * @param typ e.g. {@code at+jwt}
     * @return a new builder
     */
    public TokenBuilder typ(String typ) {
        return header("typ", typ);
    }

    /**
     * Sets {@code kid} explicitly (overrides the signing key's kid).
     *
     * @param kid the kid
     * @return a new builder
     */
    public TokenBuilder kid(String kid) {
        return header("kid", kid);
    }

    /** @return a new builder whose header has no {@code kid}, even when signed */
    public TokenBuilder withoutKid() {
        return withoutHeader("kid");
    }

    // ---- claims ----

    /**
     * Sets any claim to any JSON value; a null value writes JSON null.
     *
     * @param name  claim name
     * @param value claim value
     * @return a new builder
     */
    public TokenBuilder claim(String name, Object value) {
        return new TokenBuilder(header, put(claims, name, value), rawHeader, rawPayload, autoKid);
    }

    /**
     * Removes a claim.
     *
     * @param name claim name
     * @return a new builder
     */
    public TokenBuilder withoutClaim(String name) {
        return new TokenBuilder(header, remove(claims, name), rawHeader, rawPayload, autoKid);
    }

    /**
     * @param iss the {@code iss} claim
     * @return a new builder
     */
    public TokenBuilder issuer(String iss) {
        return claim("iss", iss);
    }

    /**
     * @param sub the {@code sub} claim
     * @return a new builder
     */
    public TokenBuilder subject(String sub) {
        return claim("sub", sub);
    }

    /**
     * Sets {@code aud}: one value as a JSON string, several as an array.
     *
     * @param aud audiences
     * @return a new builder
     */
    public TokenBuilder audience(String... aud) {
        return claim("aud", aud.length == 1 ? aud[0] : List.copyOf(Arrays.asList(aud)));
    }

    /**
     * Sets {@code aud} as a JSON array, even of one value.
     *
     * @param aud audiences
     * @return a new builder
     */
    public TokenBuilder audienceList(String... aud) {
        return claim("aud", List.copyOf(Arrays.asList(aud)));
    }

    /**
     * @param tid the {@code tid} (tenant) claim
     * @return a new builder
     */
    public TokenBuilder tenant(String tid) {
        return claim("tid", tid);
    }

    /**
     * @param exp the {@code exp} claim, written as NumericDate seconds
     * @return a new builder
     */
    public TokenBuilder expiresAt(Instant exp) {
        return claim("exp", exp);
    }

    /**
     * @param iat the {@code iat} claim, written as NumericDate seconds
     * @return a new builder
     */
    public TokenBuilder issuedAt(Instant iat) {
        return claim("iat", iat);
    }

    /**
     * @param nbf the {@code nbf} claim, written as NumericDate seconds
     * @return a new builder
     */
    public TokenBuilder notBefore(Instant nbf) {
        return claim("nbf", nbf);
    }

    /**
     * Sets {@code iat} to now and {@code exp} to now + lifetime.
     *
     * @param lifetime token lifetime
     * @param now      issue instant
     * @return a new builder
     */
    public TokenBuilder expiresIn(Duration lifetime, Instant now) {
        return issuedAt(now).expiresAt(now.plus(lifetime));
    }

    /**
     * Sets {@code iat} to the clock's instant and {@code exp} to that + lifetime.
     *
     * @param lifetime token lifetime
     * @param clock    the test clock
     * @return a new builder
     */
    public TokenBuilder expiresIn(Duration lifetime, Clock clock) {
        return expiresIn(lifetime, clock.instant());
    }

    // ---- raw JSON ----

    /**
     * Uses this exact JSON text as the header (duplicate members, deep nesting, non-objects).
     * Header setters are then ignored, and signing uses the key's default alg unless told.
     *
     * @param json header text, not validated
     * @return a new builder
     */
    public TokenBuilder rawHeader(String json) {
        return new TokenBuilder(header, claims, Objects.requireNonNull(json, "json"), rawPayload, autoKid);
    }

    /**
     * Uses this exact JSON text as the payload; claim setters are then ignored.
     *
     * @param json payload text, not validated
     * @return a new builder
     */
    public TokenBuilder rawPayload(String json) {
        return new TokenBuilder(header, claims, rawHeader, Objects.requireNonNull(json, "json"), autoKid);
    }

    // ---- output ----

    /** @return the header members set so far (without signing-time {@code alg}/{@code kid}) */
    public Map<String, Object> headerMembers() {
        return Collections.unmodifiableMap(header);
    }

    /** @return the claims set so far */
    public Map<String, Object> claims() {
        return Collections.unmodifiableMap(claims);
    }

    /** @return the payload JSON text */
    public String payloadJson() {
        return rawPayload != null ? rawPayload : Json.write(claims);
    }

    /**
     * Signs with the key: alg from the header if set, else the key's default alg.
     *
     * @param key the signing key
     * @return the compact JWS
     */
    public String signedWith(TestKey key) {
        Object alg = header.get("alg");
        return signedWith(key, rawHeader == null && alg instanceof String s ? s : key.defaultAlg());
    }

    /**
     * Signs with the key using {@code alg}, whatever the header says (the header's {@code alg}
     * is set to it only if absent), for algorithm-confusion tests.
     *
     * @param key the signing key
     * @param alg RS256/384/512, PS256/384/512, ES256/384/512, EdDSA, HS256/384/512
     * @return the compact JWS
     */
    public String signedWith(TestKey key, String alg) {
        String input = signingInput(alg, key.kid());
        return input + "." + Base64Url.encode(JwsSigner.sign(alg, key, input));
    }

    /**
     * Signs with HMAC over raw secret bytes (e.g. an RSA public key's encoding or PEM text):
     * alg from the header if it is HS256/384/512, else HS256. No kid is added.
     *
     * @param secret the HMAC key bytes
     * @return the compact JWS
     */
    public String signedWithHmacSecret(byte[] secret) {
        Object alg = header.get("alg");
        String hs = rawHeader == null && alg instanceof String s && s.matches("HS(256|384|512)") ? s : "HS256";
        String input = signingInput(hs, null);
        return input + "." + Base64Url.encode(JwsSigner.hmac(hs, secret, input));
    }

    /**
     * Signs with ECDSA but writes the signature in ASN.1 DER, as JCA produces it, instead of the
     * JOSE fixed-length form: a validator must reject it.
     *
     * @param key an EC key
     * @return the compact JWS with a DER signature
     */
    public String signedWithDerEcdsa(TestKey key) {
        Object alg = header.get("alg");
        String es = rawHeader == null && alg instanceof String s ? s : key.defaultAlg();
        String input = signingInput(es, key.kid());
        return input + "." + Base64Url.encode(JwsSigner.derEcdsa(es, key.privateKey(), input));
    }

    /** @return {@code header.payload.} with an empty signature; {@code alg} defaults to {@code none} */
    public String unsigned() {
        return signingInput("none", null) + ".";
    }

    /**
     * Attaches arbitrary signature bytes (e.g. 64 zero bytes); {@code alg} is whatever the header
     * holds (none added), and no kid is added.
     *
     * @param rawSignature signature bytes, base64url-encoded into the third part
     * @return the compact JWS
     */
    public String withSignature(byte[] rawSignature) {
        return signingInput(null, null) + "." + Base64Url.encode(rawSignature);
    }

    /**
     * The header JSON text as it would be signed.
     *
     * @param alg alg to add if the header has none (null: add nothing)
     * @param kid kid to add if the header has none and kid is not suppressed (null: add nothing)
     * @return header JSON text
     */
    public String headerJson(@Nullable String alg, @Nullable String kid) {
        if (rawHeader != null) {
            return rawHeader;
        }
        Map<String, Object> h = new LinkedHashMap<>();
        if (alg != null && !header.containsKey("alg")) {
            h.put("alg", alg);
        }
        h.putAll(header);
        if (kid != null && autoKid && !header.containsKey("kid")) {
            h.put("kid", kid);
        }
        return Json.write(h);
    }

    /**
     * The JWS signing input, {@code base64url(header) + "." + base64url(payload)}.
     *
     * @param alg alg to add if the header has none (null: add nothing)
     * @param kid kid to add if the header has none (null: add nothing)
     * @return the signing input
     */
    public String signingInput(@Nullable String alg, @Nullable String kid) {
        return Base64Url.encode(headerJson(alg, kid)) + "." + Base64Url.encode(payloadJson());
    }

    private static Map<String, Object> put(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return copy;
    }

    private static Map<String, Object> remove(Map<String, Object> map, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(name);
        return copy;
    }
}
