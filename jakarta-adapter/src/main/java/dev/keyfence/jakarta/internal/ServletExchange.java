package dev.keyfence.jakarta.internal;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.ErrorResponse;
import dev.keyfence.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The servlet side of core's credential policy, shared by the filter and the Spring adapter: reads
 * a request's credential and what it presents besides (TLS client certificate, DPoP proofs), and
 * writes an {@link ErrorResponse} exactly as core built it.
 */
public final class ServletExchange {
    /** The servlet request attribute holding the TLS client certificate chain. */
    public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private ServletExchange() {}

    /** The credential of the request under the policy; reads a form body only where the policy allows it. */
    public static Credential credential(CredentialPolicy policy, HttpServletRequest request) {
        return policy.extract(
                Collections.list(request.getHeaders("Authorization")),
                request.getMethod(),
                Objects.requireNonNullElse(request.getQueryString(), ""),
                Objects.requireNonNullElse(request.getContentType(), ""),
                () -> request.getParameterValues(CredentialPolicy.ACCESS_TOKEN));
    }

    /**
     * What the request presents besides its token: the leaf of the TLS client certificate chain,
     * every {@code DPoP} header with the method and the request URL, and whether the DPoP scheme was used.
     */
    public static RequestContext context(HttpServletRequest request, boolean dpopScheme) {
        RequestContext.Builder b = RequestContext.builder().dpopScheme(dpopScheme);
        if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain
                && chain.length > 0
                && chain[0] != null) {
            b.clientCertificate(chain[0]);
        }
        URI uri = uri(request);
        if (uri != null) {
            b.dpop(Collections.list(request.getHeaders("DPoP")), request.getMethod(), uri);
        }
        return b.build();
    }

    private static @Nullable URI uri(HttpServletRequest request) {
        try {
            return new URI(
                    request.getScheme(),
                    null,
                    request.getServerName(),
                    request.getServerPort(),
                    request.getRequestURI(),
                    null,
                    null);
        } catch (URISyntaxException e) {
            return null; // no URI: a DPoP proof cannot match, so a DPoP-bound token is refused
        }
    }

    /** Writes status, {@code WWW-Authenticate}, {@code Cache-Control: no-store} and the JSON body, if any. */
    public static void write(HttpServletResponse response, ErrorResponse error) throws IOException {
        response.setStatus(error.status());
        response.setHeader("WWW-Authenticate", error.challenge());
        response.setHeader("Cache-Control", "no-store");
        if (error.body().isPresent()) {
            byte[] body = error.body().get().getBytes(StandardCharsets.UTF_8);
            response.setContentType(ErrorResponse.CONTENT_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
