package dev.keyfence.spring.internal;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.RequestContext;
import dev.keyfence.jakarta.internal.ServletExchange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the servlet request being served presents besides its token (TLS client certificate,
 * DPoP proofs and scheme), found through Spring's {@link RequestContextHolder} as Spring
 * Security's own DPoP support finds it. Outside a servlet request it is
 * {@link RequestContext#none()}, so a sender-constrained token is refused rather than accepted
 * as a bearer token.
 */
public final class CurrentRequest {
    private static final boolean SERVLET =
            ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", CurrentRequest.class.getClassLoader())
                    && ClassUtils.isPresent(
                            "org.springframework.web.context.request.RequestContextHolder",
                            CurrentRequest.class.getClassLoader());
    private static final CredentialPolicy SCHEMES = CredentialPolicy.defaults();

    /**
     * The request attribute under which {@code KeyfenceBearerTokenResolver} leaves the bearer
     * credential it found, so that the context of the same request is read without extracting the
     * credential again (a bearer credential is never the DPoP scheme).
     */
    public static final String BEARER_CREDENTIAL = CurrentRequest.class.getName() + ".bearer";

    private CurrentRequest() {}

    /** The context of the current servlet request, or {@link RequestContext#none()}. */
    public static RequestContext context() {
        return SERVLET ? Servlet.context() : RequestContext.none();
    }

    private static final class Servlet {
        static RequestContext context() {
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            if (!(attributes instanceof ServletRequestAttributes servlet)) {
                return RequestContext.none();
            }
            HttpServletRequest request = servlet.getRequest();
            boolean dpop = !(request.getAttribute(BEARER_CREDENTIAL) instanceof Credential.Present)
                    && ServletExchange.credential(SCHEMES, request) instanceof Credential.Present p
                    && p.dpopScheme();
            return ServletExchange.context(request, dpop);
        }
    }
}
