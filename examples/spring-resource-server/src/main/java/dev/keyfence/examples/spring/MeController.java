package dev.keyfence.examples.spring;

import dev.keyfence.spring.KeyfenceAuthenticationToken;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the accepted token speaks for, and which key vouched for it. */
@RestController
class MeController {
    @GetMapping("/api/me")
    Map<String, Object> me(KeyfenceAuthenticationToken auth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", auth.getName());
        body.put("issuer", auth.issuer());
        body.put("tenant", auth.tenant().orElse(null));
        body.put("keyScope", auth.keyScope());
        return body;
    }
}
