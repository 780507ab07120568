package dev.keyfence.testkit;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A small in-process identity provider: named issuers, each publishing its keys and discovery
 * document over real HTTP on 127.0.0.1, minting tokens and rotating keys.
 *
 * <pre>{@code
 * try (IdentityProvider idp = IdentityProvider.start()) {
 *     TestIssuer contoso = idp.issuer("contoso").addKey(TestKey.rsa("k1"));
 *     String token = contoso.mint("api://mail", clock.instant());
 *     contoso.rotateTo(TestKey.rsa("k2"));
 * }
 * }</pre>
 */
public final class IdentityProvider implements AutoCloseable {

    private final JwksServer server;
    private final ConcurrentMap<String, TestIssuer> issuers = new ConcurrentHashMap<>();

    private IdentityProvider(JwksServer server) {
        this.server = server;
    }

    /** @return an identity provider on its own new {@link JwksServer} */
    public static IdentityProvider start() {
        return new IdentityProvider(JwksServer.start());
    }

    /**
     * The issuer of that name, created (with no keys) on first use.
     *
     * @param name a path segment, e.g. {@code contoso}
     * @return the issuer
     */
    public TestIssuer issuer(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("issuer name must be one path segment: " + name);
        }
        return issuers.computeIfAbsent(name, n -> new TestIssuer(n, server));
    }

    /** @return the underlying server, for failure injection and hit counts */
    public JwksServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
