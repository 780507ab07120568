package dev.keyfence;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the HTTP request that carried a token presents besides the token: the TLS client
 * certificate (RFC 8705) and the DPoP proofs with the request's method and URI (RFC 9449). A
 * sender-constrained token (one with a {@code cnf} claim) is accepted only when the request
 * presents what it is bound to; {@link #none()} presents nothing, so such tokens are then refused
 * with {@link Reason#TOKEN_BINDING_MISMATCH}. Immutable.
 *
 * <pre>{@code
 * RequestContext context = RequestContext.builder()
 *         .clientCertificate(certificateFromTls)          // RFC 8705 mTLS
 *         .dpop(List.of(dpopHeader), "GET", requestUri)    // RFC 9449 DPoP
 *         .build();
 * Verdict verdict = validator.validate(token, context);
 * }</pre>
 */
public final class RequestContext {
    private static final RequestContext NONE = new RequestContext(new Builder());

    private final @Nullable X509Certificate clientCertificate;
    private final List<String> dpopProofs;
    private final @Nullable String method;
    private final @Nullable URI uri;
    private final boolean dpopScheme;

    private RequestContext(Builder b) {
        this.clientCertificate = b.clientCertificate;
        this.dpopProofs = b.dpopProofs;
        this.method = b.method;
        this.uri = b.uri;
        this.dpopScheme = b.dpopScheme;
    }

    /** A request that presents nothing but the token (no client certificate, no DPoP proof). */
    public static RequestContext none() {
        return NONE;
    }

    /** A builder of a request context. */
    public static Builder builder() {
        return new Builder();
    }

    /** The client certificate the TLS handshake authenticated, when there was one. */
    public Optional<X509Certificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** Every {@code DPoP} header value of the request, in order (RFC 9449 allows exactly one). */
    public List<String> dpopProofs() {
        return dpopProofs;
    }

    /** The request method (upper case), when DPoP proofs were given. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The request URI (scheme, host, port, path), when DPoP proofs were given. */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** True when the token came in an {@code Authorization: DPoP} header (RFC 9449 section 7.1). */
    public boolean dpopScheme() {
        return dpopScheme;
    }

    @Override
    public String toString() {
        return "RequestContext[certificate=" + (clientCertificate != null) + ", dpopProofs=" + dpopProofs.size()
                + ", dpopScheme=" + dpopScheme + "]";
    }

    /** Builds a {@link RequestContext}; each setting may be given once. */
    public static final class Builder {
        private @Nullable X509Certificate clientCertificate;
        private List<String> dpopProofs = List.of();
        private @Nullable String method;
        private @Nullable URI uri;
        private boolean dpopScheme;
        private boolean dpopSet;

        private Builder() {}

        /** The client certificate of the TLS connection (the leaf of the presented chain). */
        public Builder clientCertificate(X509Certificate certificate) {
            if (clientCertificate != null) {
                throw new IllegalStateException("clientCertificate given twice");
            }
            this.clientCertificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /**
         * The request's {@code DPoP} header values (every one, in order), its method and its URI;
         * the URI's query and fragment are ignored as RFC 9449 section 4.3 says.
         */
        public Builder dpop(List<String> proofs, String method, URI uri) {
            if (dpopSet) {
                throw new IllegalStateException("dpop given twice");
            }
            dpopSet = true;
            this.dpopProofs = List.copyOf(proofs);
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Whether the token came with the {@code DPoP} authorization scheme (default: no). */
        public Builder dpopScheme(boolean dpopScheme) {
            this.dpopScheme = dpopScheme;
            return this;
        }

        /** The request context. */
        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
