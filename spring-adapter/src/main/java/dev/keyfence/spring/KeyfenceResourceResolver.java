package dev.keyfence.spring;

import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Chooses the resource profile for each request by path: the first {@code keyfence.resources.NAME}
 * whose {@code paths} match, else the default {@code keyfence.resource}. Every profile shares one
 * set of key caches. Wire it with
 * {@code http.oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver))}; the
 * auto-configured default security chain does so.
 */
public final class KeyfenceResourceResolver implements AuthenticationManagerResolver<HttpServletRequest> {
    private record Profile(String name, List<RequestMatcher> matchers, AuthenticationManager manager) {
    }

    private final List<Profile> profiles;
    private final Profile fallback;

    /**
     * A resolver using {@code defaultDecoder} outside every named profile, and a Keyfence decoder
     * derived from {@code validator} for each named profile.
     */
    public KeyfenceResourceResolver(TokenValidator validator, JwtDecoder defaultDecoder, List<NamedResource> resources,
                                    List<KeyfenceVerdictListener> listeners,
                                    KeyfenceJwtAuthenticationConverter converter) {
        Objects.requireNonNull(validator, "validator");
        List<Profile> list = new ArrayList<>();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        for (NamedResource resource : resources) {
            List<RequestMatcher> matchers = new ArrayList<>();
            resource.paths().forEach(p -> matchers.add(paths.matcher(p)));
            JwtDecoder decoder = new KeyfenceJwtDecoder(validator.forResource(resource.resource()), listeners);
            list.add(new Profile(resource.name(), List.copyOf(matchers), manager(decoder, converter)));
        }
        this.profiles = List.copyOf(list);
        this.fallback = new Profile(validator.resource().name(), List.of(), manager(defaultDecoder, converter));
    }

    private static AuthenticationManager manager(JwtDecoder decoder, KeyfenceJwtAuthenticationConverter converter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return new ProviderManager(provider);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return profile(request).manager();
    }

    /** The name of the resource profile that applies to the request. */
    public String resourceFor(HttpServletRequest request) {
        return profile(request).name();
    }

    private Profile profile(HttpServletRequest request) {
        for (Profile p : profiles) {
            for (RequestMatcher m : p.matchers()) {
                if (m.matches(request)) {
                    return p;
                }
            }
        }
        return fallback;
    }
}
