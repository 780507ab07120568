package dev.keyfence.examples.replay;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.NamedResource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Keyfence policy of the mail API, as the YAML file of the contract: one file for the CLI,
 * the servlet filter and the Spring adapter alike. Only the clock is added in code (the replay
 * happens "on 2023-05-15").
 */
public final class KeyfencePolicy {

    /** The resource profile of the enterprise-only admin API. */
    public static final String ADMIN_PROFILE = "tenant-admin";
    /** Where the admin profile applies (Spring adapter and servlet filter path syntax alike). */
    static final String ADMIN_PATHS = "/api/admin/**";

    private final String yaml;

    private KeyfencePolicy(String yaml) {
        this.yaml = yaml;
    }

    /**
     * The policy for the identity provider's issuers and the mail API.
     *
     * @param idp the identity provider
     * @return the policy
     */
    public static KeyfencePolicy forMailApi(IncidentIdentityProvider idp) {
        String yaml = """
                # Keyfence policy of the mail API (written by the incident replay)
                issuers:
                  - name: enterprise
                    issuer: "%s"
                    jwks-uri: "%s"            # the common endpoint, consumer keys and all, as in 2023
                    key-scope: enterprise
                    tenants: ["%s"]           # Contoso only
                  - name: consumer
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: consumer
                resource:
                  name: mail
                  audiences: ["%s"]
                  accepted-key-scopes: [enterprise, consumer]   # it serves both kinds of mailbox
                resources:
                  %s:                 # the tenant admin API: enterprise accounts only
                    paths: ["%s"]
                    accepted-key-scopes: [enterprise]
                keys:
                  revoked: ["kid:%s"]         # leaked; revoked by the operator
                jwks:
                  allow-http-loopback: true   # the embedded identity provider runs on 127.0.0.1
                """.formatted(
                        idp.enterpriseIssuerTemplate(),
                        idp.commonKeys(),
                        IncidentIdentityProvider.CONTOSO_TENANT,
                        idp.consumerIssuer(),
                        idp.consumerKeys(),
                        IncidentIdentityProvider.AUDIENCE,
                        ADMIN_PROFILE,
                        ADMIN_PATHS,
                        IncidentIdentityProvider.ENTERPRISE_REVOKED.kid());
        return new KeyfencePolicy(yaml);
    }

    /** @return the YAML text */
    public String yaml() {
        return yaml;
    }

    /**
     * Writes the YAML file (for {@code -Dkeyfence.config=FILE} or {@code keyfence validate}).
     *
     * @param file where to write it
     * @return the file
     */
    public Path writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A validator of its own (own key caches) for this policy, reading time from {@code clock}.
     *
     * @param clock the replay clock
     * @return the validator
     */
    public TokenValidator validator(Clock clock) {
        ValidationPolicy policy = config().policy();
        return TokenValidator.create(policy.toBuilder().clock(clock).build());
    }

    /**
     * The resource of the {@code resources:} profile {@value #ADMIN_PROFILE}, for
     * {@code validator.forResource(...)}.
     *
     * @return the enterprise-only resource
     */
    public ResourcePolicy adminResource() {
        return config().resources().stream()
                .filter(r -> r.name().equals(ADMIN_PROFILE))
                .findFirst()
                .map(NamedResource::resource)
                .orElseThrow(() -> new IllegalStateException("no resource profile " + ADMIN_PROFILE));
    }

    private KeyfenceConfig config() {
        return KeyfenceConfig.parse(yaml, Path.of("."));
    }
}
