package dev.keyfence.testkit;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One issuer of an {@link IdentityProvider}: its published keys, its current signing key, and
 * token minting. Every key change republishes the issuer's JWK set at once. Thread-safe.
 *
 * <p>Layout on the server, for an issuer named {@code contoso}: issuer
 * {@code http://127.0.0.1:PORT/contoso}, keys at {@code /contoso/keys}, discovery at
 * {@code /contoso/.well-known/openid-configuration}.
 */
public final class TestIssuer {

    private final String name;
    private final JwksServer server;
    private final Map<String, JwkBuilder> published = new LinkedHashMap<>();
    private @Nullable TestKey signingKey;

    TestIssuer(String name, JwksServer server) {
        this.name = name;
        this.server = server;
        server.discovery(discoveryPath(), issuer(), jwksUri().toString());
        publish();
    }

    /** @return the issuer's name (its path segment) */
    public String name() {
        return name;
    }

    /** @return the {@code iss} value, {@code http://127.0.0.1:PORT/NAME} */
    public String issuer() {
        return server.uri("/" + name).toString();
    }

    /** @return where the issuer's JWK set is served */
    public URI jwksUri() {
        return server.uri(jwksPath());
    }

    /** @return where the issuer's OpenID discovery document is served */
    public URI discoveryUri() {
        return server.uri(discoveryPath());
    }

    /** @return the path of the JWK set, for {@link JwksServer#hits(String)} and failure injection */
    public String jwksPath() {
        return "/" + name + "/keys";
    }

    /** @return the path of the discovery document */
    public String discoveryPath() {
        return "/" + name + "/.well-known/openid-configuration";
    }

    /**
     * Publishes a key's plain public JWK and makes it the signing key.
     *
     * @param key the key
     * @return this issuer
     */
    public TestIssuer addKey(TestKey key) {
        return addKey(key.jwk());
    }

    /**
     * Publishes a JWK (with whatever extra members it carries) and makes its key the signing key.
     * A key with the same kid is replaced.
     *
     * @param jwk the JWK
     * @return this issuer
     */
    public synchronized TestIssuer addKey(JwkBuilder jwk) {
        published.put(jwk.key().kid(), jwk);
        signingKey = jwk.key();
        publish();
        return this;
    }

    /**
     * Unpublishes a key. If it was the signing key, the most recently added remaining key signs.
     *
     * @param kid the key's kid
     * @return this issuer
     */
    public synchronized TestIssuer removeKey(String kid) {
        published.remove(kid);
        if (signingKey != null && signingKey.kid().equals(kid)) {
            List<JwkBuilder> left = new ArrayList<>(published.values());
            signingKey = left.isEmpty() ? null : left.get(left.size() - 1).key();
        }
        publish();
        return this;
    }

    /**
     * Rotates: publishes the new key, signs with it, and unpublishes the old signing key.
     *
     * @param next the new signing key
     * @return this issuer
     */
    public synchronized TestIssuer rotateTo(TestKey next) {
        TestKey old = signingKey;
        addKey(next);
        if (old != null && !old.kid().equals(next.kid())) {
            removeKey(old.kid());
        }
        return this;
    }

    /**
     * @return the current signing key
     * @throws IllegalStateException when no key is published
     */
    public synchronized TestKey signingKey() {
        if (signingKey == null) {
            throw new IllegalStateException("issuer " + name + " has no key");
        }
        return signingKey;
    }

    /** @return the JWK set now published */
    public synchronized JwkSet keys() {
        return JwkSet.of(published.values().toArray(new JwkBuilder[0]));
    }

    /**
     * A well-formed access token builder for this issuer, see {@link Tokens#accessToken}.
     *
     * @param audience the {@code aud}
     * @param now      issue instant
     * @return the builder
     */
    public TokenBuilder token(String audience, Instant now) {
        return Tokens.accessToken(issuer(), audience, now);
    }

    /**
     * Signs a builder with the current signing key.
     *
     * @param token the builder
     * @return the compact JWS
     */
    public String sign(TokenBuilder token) {
        return Objects.requireNonNull(token, "token").signedWith(signingKey());
    }

    /**
     * Mints a well-formed access token with the current signing key.
     *
     * @param audience the {@code aud}
     * @param now      issue instant
     * @return the compact JWS
     */
    public String mint(String audience, Instant now) {
        return sign(token(audience, now));
    }

    private void publish() {
        server.serveKeys(jwksPath(), keys());
    }

    @Override
    public String toString() {
        return "TestIssuer[" + issuer() + "]";
    }
}
