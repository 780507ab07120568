package dev.keyfence.examples.servlet;

import dev.keyfence.jakarta.KeyfencePrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code GET /api/me}: who the accepted token speaks for, as JSON (null where unknown). */
final class MeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!(req.getUserPrincipal() instanceof KeyfencePrincipal p)) {
            // unreachable behind KeyfenceFilter; fail closed if the filter mapping is ever changed
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String json = "{\"sub\":" + json(p.subject()) + ",\"issuer\":" + json(Optional.of(p.issuer())) + ",\"tenant\":"
                + json(p.tenant()) + ",\"keyScope\":" + json(Optional.of(p.keyScope())) + "}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static String json(Optional<String> value) {
        if (value.isEmpty()) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.get().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
