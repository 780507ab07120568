package dev.keyfence;

import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2023 shape: one "common" key source mixing enterprise and consumer keys (scope enterprise,
 * for a {@code {tenantid}} template issuer), and optionally the consumer issuer with its own
 * source (scope consumer). Built in code or from YAML.
 */
final class TenantScopeSetup {
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static final String CONSUMER_ISSUER = "https://login.example.test/" + CONSUMER_TENANT + "/v2.0";
    static final String TENANT_A = "11111111-1111-1111-1111-111111111111";
    static final String TENANT_B = "22222222-2222-2222-2222-222222222222";
    static final String TENANT_C = "33333333-3333-3333-3333-333333333333";
    static final String AUDIENCE = "api://mail";

    static final TestKey ENTERPRISE_KEY = TestKey.rsa("ent-1");
    static final TestKey CONSUMER_KEY = TestKey.rsa("msa-1");
    static final TestKey SHARED_KEY = TestKey.rsa("shared-1");

    /** How the policy is built. */
    enum FrontDoor {
        CODE,
        YAML
    }

    private final Path dir;
    private boolean issuerMembers = true;
    private boolean requireKeyIssuer;
    private boolean consumerIssuer = true;
    private boolean sharedKey;
    private List<String> tenants = List.of(TENANT_A, TENANT_B);

    TenantScopeSetup(Path dir) {
        this.dir = dir;
    }

    TenantScopeSetup withoutIssuerMembers() {
        issuerMembers = false;
        return this;
    }

    TenantScopeSetup requireKeyIssuer() {
        requireKeyIssuer = true;
        return this;
    }

    TenantScopeSetup withoutConsumerIssuer() {
        consumerIssuer = false;
        return this;
    }

    /** SHARED_KEY is published by the common source and by the consumer source. */
    TenantScopeSetup withSharedKey() {
        sharedKey = true;
        return this;
    }

    TenantScopeSetup tenants(String... allowed) {
        tenants = List.of(allowed);
        return this;
    }

    private JwkBuilder jwk(TestKey key, String issuerMember) {
        return issuerMembers ? key.jwk().member("issuer", issuerMember) : key.jwk();
    }

    private void writeKeys() {
        JwkSet common = JwkSet.of(jwk(ENTERPRISE_KEY, TEMPLATE), jwk(CONSUMER_KEY, CONSUMER_ISSUER));
        JwkSet consumers = JwkSet.of(jwk(CONSUMER_KEY, CONSUMER_ISSUER));
        if (sharedKey) {
            common = common.with(jwk(SHARED_KEY, TEMPLATE));
            consumers = consumers.with(jwk(SHARED_KEY, TEMPLATE));
        }
        try {
            Files.writeString(dir.resolve("common.json"), common.toJson());
            Files.writeString(dir.resolve("consumers.json"), consumers.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ValidationPolicy policy(FrontDoor door, Clock clock) {
        writeKeys();
        ValidationPolicy base = door == FrontDoor.CODE ? fromCode() : fromYaml();
        return base.toBuilder().clock(clock).build();
    }

    private ValidationPolicy fromCode() {
        ValidationPolicy.Builder b = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("enterprise")
                        .issuer(TEMPLATE)
                        .keySource(KeySource.file(dir.resolve("common.json")))
                        .keyScope("enterprise")
                        .tenants(tenants)
                        .requireKeyIssuer(requireKeyIssuer)
                        .build())
                .resource(ResourcePolicy.builder()
                        .name("mail")
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .build());
        if (consumerIssuer) {
            b.issuer(TrustedIssuer.builder()
                    .name("consumer")
                    .issuer(CONSUMER_ISSUER)
                    .keySource(KeySource.file(dir.resolve("consumers.json")))
                    .keyScope("consumer")
                    .requireKeyIssuer(requireKeyIssuer)
                    .build());
        }
        return b.build();
    }

    private ValidationPolicy fromYaml() {
        List<String> quoted = new ArrayList<>();
        tenants.forEach(t -> quoted.add("\"" + t + "\""));
        StringBuilder y = new StringBuilder()
                .append("issuers:\n")
                .append("  - name: enterprise\n")
                .append("    issuer: \"")
                .append(TEMPLATE)
                .append("\"\n")
                .append("    jwks-file: common.json\n")
                .append("    key-scope: enterprise\n")
                .append("    tenants: [")
                .append(String.join(", ", quoted))
                .append("]\n")
                .append("    require-key-issuer: ")
                .append(requireKeyIssuer)
                .append('\n');
        if (consumerIssuer) {
            y.append("  - name: consumer\n")
                    .append("    issuer: \"")
                    .append(CONSUMER_ISSUER)
                    .append("\"\n")
                    .append("    jwks-file: consumers.json\n")
                    .append("    key-scope: consumer\n")
                    .append("    require-key-issuer: ")
                    .append(requireKeyIssuer)
                    .append('\n');
        }
        y.append("resource:\n")
                .append("  name: mail\n")
                .append("  audiences: [\"")
                .append(AUDIENCE)
                .append("\"]\n")
                .append("  accepted-key-scopes: [enterprise]\n");
        return KeyfenceConfig.parse(y.toString(), dir).policy();
    }

    static String iss(String tenant) {
        return TEMPLATE.replace("{tenantid}", tenant);
    }
}
