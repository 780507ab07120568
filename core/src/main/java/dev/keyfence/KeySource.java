package dev.keyfence;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one trusted issuer's keys come from. Keys are only ever taken from the source of the
 * issuer a token names, never from a URL or key inside a token.
 */
public sealed interface KeySource permits KeySource.JwksUri, KeySource.Discovery, KeySource.JwksFile, KeySource.Static {

    /**
     * A JWK Set URL. With a {@code {tenantid}} issuer the URL may contain {@code {tenantid}} too,
     * giving one source per tenant.
     */
    static KeySource jwksUri(String uri) {
        return new JwksUri(uri);
    }

    /** An OpenID Connect discovery / RFC 8414 metadata URL whose {@code jwks_uri} is used. */
    static KeySource discovery(URI uri) {
        return new Discovery(uri);
    }

    /** A JWK Set in a local file, re-read on every refresh. */
    static KeySource file(Path path) {
        return new JwksFile(path);
    }

    /** A JWK Set given in code as JSON text. */
    static KeySource jwks(String jwksJson) {
        return new Static(jwksJson);
    }

    /** A short description for logs and reports (a URL or a file name, never key material). */
    String describe();

    /** See {@link KeySource#jwksUri(String)}. */
    record JwksUri(String uri) implements KeySource {
        public JwksUri {
            Objects.requireNonNull(uri, "uri");
        }

        /** True when the URL holds {@code {tenantid}}, so each tenant has its own source. */
        public boolean perTenant() {
            return uri.contains("{tenantid}");
        }

        /** The URL without user-info and query (never printed). */
        @Override
        public String describe() {
            return dev.keyfence.internal.text.RedactedUrl.of(uri);
        }

        @Override
        public String toString() {
            return "JwksUri[" + describe() + "]";
        }
    }

    /** See {@link KeySource#discovery(URI)}. */
    record Discovery(URI uri) implements KeySource {
        public Discovery {
            Objects.requireNonNull(uri, "uri");
        }

        /** The URL without user-info and query (never printed). */
        @Override
        public String describe() {
            return dev.keyfence.internal.text.RedactedUrl.of(uri);
        }

        @Override
        public String toString() {
            return "Discovery[" + describe() + "]";
        }
    }

    /** See {@link KeySource#file(Path)}. */
    record JwksFile(Path path) implements KeySource {
        public JwksFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file:" + path;
        }
    }

    /** See {@link KeySource#jwks(String)}. */
    record Static(String jwksJson) implements KeySource {
        public Static {
            Objects.requireNonNull(jwksJson, "jwksJson");
        }

        @Override
        public String describe() {
            return "static keys";
        }

        @Override
        public String toString() {
            return "Static[keys given in code]";
        }
    }
}
