package dev.keyfence.spring;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.posture.PostureJson;
import dev.keyfence.posture.PostureReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code keyfence}: the posture that {@code keyfence audit --format json}
 * prints, the same JSON document from the same {@link PostureJson} (controls, issuers with their
 * key sources and keys, resource profiles, findings), without key material. Expose it with
 * {@code management.endpoints.web.exposure.include=keyfence}.
 */
@Endpoint(id = "keyfence")
public class KeyfenceEndpoint {
    private final TokenValidator validator;
    private final KeyfenceConfig config;

    public KeyfenceEndpoint(TokenValidator validator, KeyfenceConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /**
     * The posture now, as the JSON text of {@link PostureJson#write(PostureReport)} (served as is,
     * so it is byte for byte what the CLI prints for the same posture); reads key sources that were
     * not read yet.
     */
    @ReadOperation
    public String posture() {
        return PostureJson.write(PostureReport.of(validator, config.resources()));
    }
}
