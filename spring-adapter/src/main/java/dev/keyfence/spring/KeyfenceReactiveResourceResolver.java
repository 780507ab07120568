package dev.keyfence.spring;

import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.ResourcePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WebFlux: chooses the resource profile for each request by path, as {@link KeyfenceResourceResolver}
 * does for servlets: the first {@code keyfence.resources.NAME} whose {@code paths} ({@code /exact}
 * or {@code /prefix/**}) match, else the default {@code keyfence.resource}. Wire it with
 * {@code http.oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver))}; the
 * auto-configured default chain does so.
 */
public final class KeyfenceReactiveResourceResolver
        implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {
    private record Profile(String name, ResourcePaths paths, ReactiveAuthenticationManager manager) {}

    private final List<Profile> profiles;
    private final Profile fallback;

    /**
     * A resolver using {@code defaultDecoder} outside every named profile, and a Keyfence decoder
     * derived from {@code validator} for each named profile.
     *
     * @throws dev.keyfence.ConfigurationException naming {@code resources.NAME.paths} for a bad path
     */
    public KeyfenceReactiveResourceResolver(
            TokenValidator validator,
            ReactiveJwtDecoder defaultDecoder,
            List<NamedResource> resources,
            List<KeyfenceVerdictListener> listeners,
            KeyfenceJwtAuthenticationConverter converter) {
        Objects.requireNonNull(validator, "validator");
        List<Profile> list = new ArrayList<>();
        for (NamedResource resource : resources) {
            ResourcePaths paths = ResourcePaths.of(resource.name(), resource.paths());
            ReactiveJwtDecoder decoder = new KeyfenceReactiveJwtDecoder(
                    new KeyfenceJwtDecoder(validator.forResource(resource.resource()), listeners),
                    Schedulers.boundedElastic());
            list.add(new Profile(resource.name(), paths, manager(decoder, converter)));
        }
        this.profiles = List.copyOf(list);
        this.fallback = new Profile(
                validator.resource().name(),
                ResourcePaths.of("default", List.of()),
                manager(defaultDecoder, converter));
    }

    private static ReactiveAuthenticationManager manager(
            ReactiveJwtDecoder decoder, KeyfenceJwtAuthenticationConverter converter) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter));
        return manager;
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
        return Mono.just(profile(decodedPath(exchange.getRequest().getPath().pathWithinApplication()))
                .manager());
    }

    /**
     * The path as WebFlux routes it: each segment decoded, matrix parameters left out, so that
     * {@code /c%61lendar} gets the profile of {@code /calendar}, the handler it reaches.
     */
    private static String decodedPath(PathContainer path) {
        StringBuilder out = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            out.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return out.toString();
    }

    /** The name of the resource profile that applies to a request path. */
    public String resourceFor(String path) {
        return profile(path).name();
    }

    private Profile profile(String path) {
        for (Profile p : profiles) {
            if (p.paths().matches(path)) {
                return p;
            }
        }
        return fallback;
    }
}
