package dev.keyfence.spring;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Converts a {@link KeyfenceJwt} into a {@link KeyfenceAuthenticationToken}, with authorities
 * from the {@code scope} or {@code scp} claim as Spring does by default ({@code SCOPE_read}).
 * Use it with {@code jwt(j -> j.jwtAuthenticationConverter(converter))}; the Keyfence resource
 * resolver uses it already.
 */
public final class KeyfenceJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> granted = authorities.convert(jwt);
        if (jwt instanceof KeyfenceJwt verified) {
            return new KeyfenceAuthenticationToken(verified, granted);
        }
        return new JwtAuthenticationToken(jwt, granted, jwt.getSubject());
    }
}
