package dev.keyfence.examples.servlet;

import dev.keyfence.jakarta.KeyfencePrincipal;
import dev.keyfence.json.JsonWriter;
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

    /** {@code value} as a JSON string, or {@code null} when empty, written by the library's one JSON writer. */
    static String json(Optional<String> value) {
        return JsonWriter.write(value);
    }
}
