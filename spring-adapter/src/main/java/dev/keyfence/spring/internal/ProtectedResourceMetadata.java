package dev.keyfence.spring.internal;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.TokenValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What {@code /.well-known/oauth-protected-resource} (RFC 9728) says: only what Keyfence enforces,
 * and never the request's {@code Host}. {@code resource} is the resource's first configured
 * audience that is an absolute {@code https} (or {@code http}) URL; without one there is no
 * identifier to publish and the endpoint answers 404. Bearer methods are those the credential
 * policy accepts; certificate-bound (RFC 8705) and DPoP-bound (RFC 9449) tokens are advertised
 * because both are checked on every token.
 */
public final class ProtectedResourceMetadata {
    /** The well-known path (RFC 9728 section 3), with or without a path suffix. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    /** The algorithms Keyfence verifies DPoP proofs with. */
    public static final List<String> DPOP_ALGORITHMS =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private ProtectedResourceMetadata() {}

    /** The resource identifier to publish: the first audience (sorted) that is an absolute http(s) URL. */
    public static Optional<String> resource(TokenValidator validator) {
        return validator.resource().audiences().stream()
                .sorted()
                .filter(ProtectedResourceMetadata::isUrl)
                .findFirst();
    }

    private static boolean isUrl(String audience) {
        try {
            URI uri = new URI(audience);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A customizer of Spring's metadata for this resource identifier and credential policy. */
    public static Consumer<OAuth2ProtectedResourceMetadata.Builder> enforced(
            String resource, CredentialPolicy credentials) {
        return b -> {
            b.resource(resource);
            b.bearerMethods(methods -> {
                methods.clear();
                methods.add("header");
                if (credentials.allowsQueryToken()) {
                    methods.add("query");
                }
                if (credentials.allowsFormToken()) {
                    methods.add("body");
                }
            });
            b.tlsClientCertificateBoundAccessTokens(true);
            b.claim("dpop_signing_alg_values_supported", DPOP_ALGORITHMS);
            b.claim("dpop_bound_access_tokens_required", false);
        };
    }

    /** Answers the well-known path with 404 (for a resource without a URL identifier); passes every other request on. */
    public static final class NotPublished extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path.equals(WELL_KNOWN) || path.startsWith(WELL_KNOWN + "/")) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setHeader("Cache-Control", "no-store");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
