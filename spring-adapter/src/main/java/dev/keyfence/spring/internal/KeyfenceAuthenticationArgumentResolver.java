package dev.keyfence.spring.internal;

import dev.keyfence.spring.KeyfenceAuthenticationToken;
import dev.keyfence.spring.KeyfenceJwt;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link KeyfenceAuthenticationToken} controller parameter under any chain that
 * authenticated the request with the Keyfence decoder, {@code o.jwt(Customizer.withDefaults())}
 * included (whose converter makes a plain {@link JwtAuthenticationToken}). No authentication
 * resolves to null; an authentication Keyfence did not verify fails loudly, never silently.
 */
public final class KeyfenceAuthenticationArgumentResolver implements HandlerMethodArgumentResolver {
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == KeyfenceAuthenticationToken.class;
    }

    @Override
    public @Nullable Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mav,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        return of(contexts.getContext().getAuthentication());
    }

    /** The Keyfence view of an authentication; null when there is none. */
    public static @Nullable KeyfenceAuthenticationToken of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication instanceof KeyfenceAuthenticationToken keyfence) {
            return keyfence;
        }
        if (authentication instanceof JwtAuthenticationToken jwt
                && jwt.getToken() instanceof KeyfenceJwt verified
                && jwt.isAuthenticated()) {
            KeyfenceAuthenticationToken token = new KeyfenceAuthenticationToken(verified, jwt.getAuthorities());
            token.setDetails(jwt.getDetails());
            return token;
        }
        throw new IllegalStateException("the request was not authenticated by Keyfence (authentication type "
                + authentication.getClass().getSimpleName() + "): a KeyfenceAuthenticationToken parameter needs the"
                + " Keyfence JwtDecoder");
    }
}
