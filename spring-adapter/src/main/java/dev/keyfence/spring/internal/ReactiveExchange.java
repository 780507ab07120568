package dev.keyfence.spring.internal;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.ErrorResponse;
import dev.keyfence.RequestContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The WebFlux side of core's credential policy, the counterpart of the servlet filter's
 * {@code ServletExchange}: reads an exchange's credential and what it presents besides (TLS client
 * certificate, DPoP proofs), and writes an {@link ErrorResponse} exactly as core built it.
 */
public final class ReactiveExchange {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final CredentialPolicy SCHEMES = CredentialPolicy.defaults();

    private ReactiveExchange() {}

    /** The credential of the exchange under the policy; reads a form body only where the policy allows it. */
    public static Mono<Credential> credential(CredentialPolicy policy, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String contentType = Objects.requireNonNullElse(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), "");
        if (policy.allowsFormToken()
                && "POST".equals(request.getMethod().name())
                && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return exchange.getFormData()
                    .map(form -> extract(
                            policy,
                            request,
                            contentType,
                            Objects.requireNonNullElse(form.get(CredentialPolicy.ACCESS_TOKEN), List.of())));
        }
        return Mono.fromSupplier(() -> extract(policy, request, contentType, List.of()));
    }

    private static Credential extract(
            CredentialPolicy policy, ServerHttpRequest request, String contentType, List<String> formTokens) {
        List<String> parameters = new ArrayList<>();
        // query values first, then the body's, as the servlet API lists a parameter's values
        parameters.addAll(
                Objects.requireNonNullElse(request.getQueryParams().get(CredentialPolicy.ACCESS_TOKEN), List.of()));
        parameters.addAll(formTokens);
        return policy.extract(
                Objects.requireNonNullElse(request.getHeaders().get(HttpHeaders.AUTHORIZATION), List.of()),
                request.getMethod().name(),
                Objects.requireNonNullElse(request.getURI().getRawQuery(), ""),
                contentType,
                () -> parameters.stream()
                        .map(v -> Objects.requireNonNullElse(v, ""))
                        .toArray(String[]::new));
    }

    /**
     * What the exchange presents besides its token: the leaf of the TLS client certificate chain,
     * every {@code DPoP} header with the method and the request URL, and whether the DPoP scheme was used.
     */
    public static RequestContext context(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        boolean dpopScheme = extract(SCHEMES, request, "", List.of()) instanceof Credential.Present p && p.dpopScheme();
        RequestContext.Builder b = RequestContext.builder().dpopScheme(dpopScheme);
        @Nullable SslInfo ssl = request.getSslInfo();
        X509Certificate @Nullable [] chain = ssl == null ? null : ssl.getPeerCertificates();
        if (chain != null && chain.length > 0 && chain[0] != null) {
            b.clientCertificate(chain[0]);
        }
        @Nullable URI target = target(request.getURI());
        if (target != null) {
            b.dpop(
                    Objects.requireNonNullElse(request.getHeaders().get("DPoP"), List.of()),
                    request.getMethod().name(),
                    target);
        }
        return b.build();
    }

    private static @Nullable URI target(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(), null, null);
        } catch (URISyntaxException e) {
            return null; // no URI: a DPoP proof cannot match, so a DPoP-bound token is refused
        }
    }

    /** Writes status, {@code WWW-Authenticate}, {@code Cache-Control: no-store} and the JSON body, if any. */
    public static Mono<Void> write(ServerHttpResponse response, ErrorResponse error) {
        response.setStatusCode(HttpStatusCode.valueOf(error.status()));
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, error.challenge());
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        if (error.body().isEmpty()) {
            return response.setComplete();
        }
        byte[] body = error.body().get().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentType(new MediaType("application", "json", StandardCharsets.UTF_8));
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
