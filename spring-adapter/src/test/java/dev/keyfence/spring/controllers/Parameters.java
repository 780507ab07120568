package dev.keyfence.spring.controllers;

import dev.keyfence.spring.KeyfenceAuthenticationToken;
import dev.keyfence.spring.KeyfenceJwt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The documented ways of getting the verified token in a controller, one endpoint each. */
@RestController
public class Parameters {
    /** The CLOCK the validator reads in these apps. */
    public static final java.time.Clock[] CLOCK = new java.time.Clock[1];

    @GetMapping("/api/principal")
    Map<String, Object> principal(@AuthenticationPrincipal KeyfenceJwt jwt) {
        return body(jwt.getSubject(), jwt.keyScope(), jwt.tenant().orElse(null), jwt.issuerName());
    }

    @GetMapping("/api/authentication")
    Map<String, Object> authentication(KeyfenceAuthenticationToken auth) {
        return body(auth.getName(), auth.keyScope(), auth.tenant().orElse(null), auth.issuerName());
    }

    private static Map<String, Object> body(String sub, String keyScope, String tenant, String issuerName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", sub);
        body.put("keyScope", keyScope);
        body.put("tenant", tenant);
        body.put("issuerName", issuerName);
        return body;
    }
}
