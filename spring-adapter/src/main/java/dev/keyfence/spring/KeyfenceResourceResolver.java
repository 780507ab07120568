package dev.keyfence.spring;

import dev.keyfence.NamedResource;
import dev.keyfence.PathRoute;
import dev.keyfence.TokenValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Chooses the resource profile for each request by path, with the one matcher of the core
 * ({@link TokenValidator#forRequest}, the same as the servlet filter's): the first
 * {@code keyfence.resources.NAME} whose {@code paths} ({@code /exact} or {@code /prefix/**})
 * match, else the default {@code keyfence.resource}. A request whose path servers could route in
 * more than one way gets 400 {@code error="invalid_request"}. Every profile shares one set of key
 * caches. Wire it with
 * {@code http.oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver))}; the
 * auto-configured default security chain does so.
 */
public final class KeyfenceResourceResolver implements AuthenticationManagerResolver<HttpServletRequest> {
    private static final String REFUSED = "(refused)";
    private static final AuthenticationManager REFUSE = authentication -> {
        throw new OAuth2AuthenticationException(
                new BearerTokenError("invalid_request", HttpStatus.BAD_REQUEST, "ambiguous request path", null));
    };

    private final TokenValidator router;
    private final Map<String, AuthenticationManager> profiles;
    private final String fallbackName;
    private final AuthenticationManager fallback;

    /**
     * A resolver using {@code defaultDecoder} outside every named profile, and a Keyfence decoder
     * derived from {@code validator} for each named profile.
     */
    public KeyfenceResourceResolver(
            TokenValidator validator,
            JwtDecoder defaultDecoder,
            List<NamedResource> resources,
            List<KeyfenceVerdictListener> listeners,
            KeyfenceJwtAuthenticationConverter converter) {
        Objects.requireNonNull(validator, "validator");
        this.router = validator.withProfiles(resources);
        Map<String, AuthenticationManager> byName = new LinkedHashMap<>();
        for (NamedResource resource : resources) {
            JwtDecoder decoder = new KeyfenceJwtDecoder(validator.forResource(resource.resource()), listeners);
            byName.put(resource.name(), manager(decoder, converter));
        }
        this.profiles = Map.copyOf(byName);
        this.fallbackName = validator.resource().name();
        this.fallback = manager(defaultDecoder, converter);
    }

    private static AuthenticationManager manager(JwtDecoder decoder, KeyfenceJwtAuthenticationConverter converter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return new ProviderManager(provider);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        PathRoute route = route(request);
        if (!(route instanceof PathRoute.Matched matched)) {
            return REFUSE;
        }
        return matched.profile().map(profiles::get).orElse(fallback);
    }

    /**
     * The name of the resource profile that applies to the request, or {@code (refused)} when
     * its path is refused as ambiguous.
     */
    public String resourceFor(HttpServletRequest request) {
        PathRoute route = route(request);
        if (!(route instanceof PathRoute.Matched matched)) {
            return REFUSED;
        }
        return matched.profile().orElse(fallbackName);
    }

    private PathRoute route(HttpServletRequest request) {
        String routed = Objects.requireNonNullElse(request.getServletPath(), "")
                + Objects.requireNonNullElse(request.getPathInfo(), "");
        return router.forRequest(request.getRequestURI(), request.getContextPath(), routed.isEmpty() ? "/" : routed);
    }
}
