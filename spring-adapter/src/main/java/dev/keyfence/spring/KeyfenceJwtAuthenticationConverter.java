package dev.keyfence.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Converts a {@link KeyfenceJwt} into a {@link KeyfenceAuthenticationToken}, with authorities
 * from the {@code scope} or {@code scp} claim as Spring does by default ({@code SCOPE_read}): a
 * space-separated string or an array of strings. Values of any other JSON type (e.g.
 * {@code scp: [1]}) grant nothing and never throw. Use it with
 * {@code jwt(j -> j.jwtAuthenticationConverter(converter))}; the Keyfence resource resolver uses it already.
 */
public final class KeyfenceJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private static final List<String> CLAIMS = List.of("scope", "scp");
    private static final String PREFIX = "SCOPE_";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> granted = authorities(jwt);
        if (jwt instanceof KeyfenceJwt verified) {
            return new KeyfenceAuthenticationToken(verified, granted);
        }
        return new JwtAuthenticationToken(jwt, granted, jwt.getClaims().get("sub") instanceof String s ? s : null);
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        for (String name : CLAIMS) {
            Object value = jwt.getClaims().get(name);
            List<String> scopes = new ArrayList<>();
            if (value instanceof String text) {
                for (String scope : text.split(" ")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (value instanceof Collection<?> list) {
                list.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .filter(s -> !s.isEmpty())
                        .forEach(scopes::add);
            } else {
                continue;
            }
            if (!scopes.isEmpty()) {
                List<GrantedAuthority> out = new ArrayList<>();
                scopes.forEach(s -> out.add(new SimpleGrantedAuthority(PREFIX + s)));
                return out;
            }
        }
        return List.of();
    }
}
