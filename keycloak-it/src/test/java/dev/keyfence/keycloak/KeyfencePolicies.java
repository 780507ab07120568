package dev.keyfence.keycloak;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Keyfence policies for {@link TenantRealms}, written as the YAML a user would write and read
 * through {@link KeyfenceConfig#parse}: one {@code {tenantid}} template issuer over the enterprise
 * realms with one key source per tenant, and the consumer realm as an exact consumer-scope issuer.
 */
final class KeyfencePolicies {

    /** The named profile of {@link #yaml} that accepts consumer keys. */
    static final String CONSUMER_PROFILE = "consumer-api";

    private KeyfencePolicies() {}

    /**
     * The policy text: the default resource accepts only enterprise keys, the {@code consumer-api}
     * profile only consumer keys; Keycloak access tokens are {@code typ: JWT}; a key removed from
     * its realm is retired at once ({@code retired-grace: PT0S}); sources refresh every minute.
     *
     * @param base     Keycloak root, e.g. {@code http://127.0.0.1:8080}
     * @param tenants  the enterprise tenants allowed
     */
    static String yaml(String base, List<String> tenants) {
        return """
                issuers:
                  - name: keycloak-enterprise
                    issuer: "%1$s/realms/{tenantid}"
                    jwks-uri: "%1$s/realms/{tenantid}/protocol/openid-connect/certs"
                    key-scope: enterprise
                    tenants: [%2$s]
                  - name: keycloak-consumers
                    issuer: "%1$s/realms/%3$s"
                    jwks-uri: "%1$s/realms/%3$s/protocol/openid-connect/certs"
                    key-scope: consumer
                resource:
                  name: enterprise-api
                  audiences: ["%4$s"]
                  accepted-key-scopes: [enterprise]
                  algorithms: [RS256]
                  token-types: ["JWT"]
                  required-claims: [sub]
                  clock-skew: PT60S
                  max-token-lifetime: PT1H
                resources:
                  %5$s:
                    accepted-key-scopes: [consumer]
                keys:
                  retired-grace: PT0S
                  min-rsa-bits: 2048
                jwks:
                  refresh-interval: PT1M
                  min-refetch-interval: PT30S
                  max-stale: PT1H
                  timeout: PT30S
                  allow-http-loopback: true
                """.formatted(base, quoted(tenants), TenantRealms.CONSUMERS, TenantRealms.AUDIENCE, CONSUMER_PROFILE);
    }

    /** The parsed configuration of {@link #yaml}. */
    static KeyfenceConfig config(String base, List<String> tenants) {
        return KeyfenceConfig.parse(yaml(base, tenants), Path.of("."));
    }

    /** A validator for the default (enterprise) resource of {@link #yaml}, on {@code clock}. */
    static TokenValidator validator(String base, List<String> tenants, Clock clock) {
        ValidationPolicy policy =
                config(base, tenants).policy().toBuilder().clock(clock).build();
        return TokenValidator.create(policy);
    }

    /** The named resource profile {@code name} of {@link #yaml}. */
    static NamedResource profile(KeyfenceConfig config, String name) {
        return config.resources().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no resource profile " + name));
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}
