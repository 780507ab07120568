package dev.keyfence.examples.spring;

import dev.keyfence.spring.KeyfenceJwt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the accepted token speaks for, and which key vouched for it. Behind
 * Keyfence the principal is a {@link KeyfenceJwt}; the plain {@link Jwt} branch serves only
 * benchmarks/load.sh, which runs this same jar on Spring's own {@code NimbusJwtDecoder} to compare.
 */
@RestController
class MeController {
    @GetMapping("/api/me")
    Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", jwt.getSubject());
        body.put("issuer", jwt.getClaimAsString("iss"));
        if (jwt instanceof KeyfenceJwt keyfence) {
            body.put("tenant", keyfence.tenant().orElse(null));
            body.put("keyScope", keyfence.keyScope());
        } else {
            body.put("tenant", null);
            body.put("keyScope", null);
        }
        return body;
    }
}
