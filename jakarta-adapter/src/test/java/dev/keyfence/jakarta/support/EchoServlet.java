package dev.keyfence.jakarta.support;

import dev.keyfence.VerifiedToken;
import dev.keyfence.jakarta.KeyfenceFilter;
import dev.keyfence.jakarta.KeyfencePrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/** Answers 200 with what the application sees of the caller, one {@code name=value} per line. */
public final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = req.getUserPrincipal();
        StringBuilder out = new StringBuilder();
        out.append("path=").append(req.getRequestURI()).append('\n');
        out.append("principalType=")
                .append(p == null ? "none" : p.getClass().getSimpleName())
                .append('\n');
        if (p instanceof KeyfencePrincipal k) {
            out.append("name=").append(k.getName()).append('\n');
            out.append("issuer=").append(k.issuer()).append('\n');
            out.append("tenant=").append(k.tenant().orElse("-")).append('\n');
            out.append("keyScope=").append(k.keyScope()).append('\n');
        }
        out.append("authType=").append(req.getAuthType()).append('\n');
        out.append("remoteUser=").append(req.getRemoteUser()).append('\n');
        Object attribute = req.getAttribute(KeyfenceFilter.VERIFIED_TOKEN_ATTRIBUTE);
        out.append("attribute=")
                .append(attribute instanceof VerifiedToken t ? t.fingerprint() : "none")
                .append('\n');
        resp.setStatus(200);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
