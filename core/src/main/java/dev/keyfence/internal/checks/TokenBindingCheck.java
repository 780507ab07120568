package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.RequestContext;
import dev.keyfence.internal.binding.CertificateThumbprint;
import dev.keyfence.internal.binding.DpopProofVerifier;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TOKEN_BINDING_MISMATCH, checked last: a sender-constrained token ({@code cnf}) passes only when
 * the request presents what it is bound to: the client certificate of {@code x5t#S256} (RFC 8705)
 * and a valid DPoP proof by the key of {@code jkt} (RFC 9449). A {@code cnf} that is not an object
 * or names a confirmation method Keyfence cannot check fails closed; a token sent with the
 * {@code DPoP} scheme must be DPoP-bound.
 */
public final class TokenBindingCheck implements Check {
    private static final String X5T = "x5t#S256";
    private static final String JKT = "jkt";
    private static final Set<String> KNOWN = Set.of(X5T, JKT);

    @Override
    public Control control() {
        return Control.TOKEN_BINDING;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Object cnf = e.claims().get("cnf");
        RequestContext request = e.request();
        if (cnf == null) {
            return request.dpopScheme() ? mismatch("the DPoP scheme was used for a token without cnf.jkt") : null;
        }
        if (!(cnf instanceof Map<?, ?> members) || members.isEmpty()) {
            return mismatch("cnf is not a confirmation object Keyfence can check");
        }
        for (Object name : members.keySet()) {
            if (!KNOWN.contains(name)) {
                return mismatch("cnf names a confirmation method Keyfence cannot check");
            }
        }
        if (members.containsKey(X5T)) {
            Rejection r = certificate(members.get(X5T), request);
            if (r != null) {
                return r;
            }
        }
        if (members.containsKey(JKT)) {
            return dpop(members.get(JKT), e);
        }
        return request.dpopScheme() ? mismatch("the DPoP scheme was used for a token without cnf.jkt") : null;
    }

    private static @Nullable Rejection certificate(@Nullable Object expected, RequestContext request) {
        if (!(expected instanceof String thumbprint)) {
            return mismatch("cnf.x5t#S256 is not a string");
        }
        if (request.clientCertificate().isEmpty()) {
            return mismatch("the token is bound to a client certificate and the request presents none");
        }
        String presented = CertificateThumbprint.of(request.clientCertificate().get());
        return CertificateThumbprint.same(thumbprint, presented)
                ? null
                : mismatch("the client certificate is not the one the token is bound to (cnf.x5t#S256)");
    }

    private static @Nullable Rejection dpop(@Nullable Object expected, Evaluation e) {
        if (!(expected instanceof String thumbprint)) {
            return mismatch("cnf.jkt is not a string");
        }
        if (!e.request().dpopScheme()) {
            return mismatch("the token is bound to a DPoP key and was not sent with the DPoP scheme");
        }
        DpopProofVerifier.Outcome outcome = e.dpop()
                .verify(
                        e.request(),
                        e.token(),
                        thumbprint,
                        e.now(),
                        e.resource().clockSkew(),
                        e.policy().keys().minRsaBits());
        String problem = outcome.problem();
        return problem == null ? null : mismatch(problem);
    }

    private static Rejection mismatch(String detail) {
        return new Rejection(Reason.TOKEN_BINDING_MISMATCH, detail);
    }
}
