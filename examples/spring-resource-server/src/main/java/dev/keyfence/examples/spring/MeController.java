package dev.keyfence.examples.spring;

import dev.keyfence.spring.KeyfenceJwt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the accepted token speaks for, and which key vouched for it. */
@RestController
class MeController {
    @GetMapping("/api/me")
    Map<String, Object> me(@AuthenticationPrincipal KeyfenceJwt jwt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", jwt.getSubject());
        body.put("issuer", jwt.getClaimAsString("iss"));
        body.put("tenant", jwt.tenant().orElse(null));
        body.put("keyScope", jwt.keyScope());
        return body;
    }
}
