package dev.keyfence.posture;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Policies for posture tests: a clean baseline that each test spoils in exactly one way. */
final class PostureSetup {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant Y2024 = Instant.parse("2024-06-01T00:00:00Z");
    static final Instant Y2026 = Instant.parse("2026-06-01T00:00:00Z");
    static final String ISSUER = "https://login.example.test/contoso/v2.0";
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";

    private PostureSetup() {}

    /** A key with a current certificate and an issuer member: nothing to report about it. */
    static JwkBuilder clean(TestKey key, String issuer) {
        return key.jwk().certificate(Y2024, Y2026).member("issuer", issuer);
    }

    /** Keys given in code. */
    static KeySource keys(JwkBuilder... keys) {
        return KeySource.jwks(JwkSet.of(keys).toJson());
    }

    /** An issuer named {@code contoso}, scope enterprise. */
    static TrustedIssuer.Builder issuer(String issuer, KeySource source) {
        return TrustedIssuer.builder()
                .name("contoso")
                .issuer(issuer)
                .keyScope("enterprise")
                .keySource(source);
    }

    /** An issuer named {@code contoso} with exact {@link #ISSUER}, scope enterprise, keys given in code. */
    static TrustedIssuer.Builder issuer(JwkBuilder... keys) {
        return issuer(ISSUER, keys(keys));
    }

    static ResourcePolicy.Builder resource() {
        // derived (toBuilder) so a test may replace any of these settings
        return ResourcePolicy.builder()
                .name("mail")
                .audiences("api://mail")
                .acceptedKeyScopes("enterprise")
                .build()
                .toBuilder();
    }

    static ValidationPolicy.Builder policy(TrustedIssuer... issuers) {
        return policy(resource().build(), KeyPolicy.defaults(), issuers);
    }

    static ValidationPolicy.Builder policy(ResourcePolicy resource, KeyPolicy keys, TrustedIssuer... issuers) {
        ValidationPolicy.Builder b = ValidationPolicy.builder()
                .resource(resource)
                .jwks(JwksSettings.builder()
                        .allowHttpLoopback(true)
                        .timeout(Duration.ofSeconds(2))
                        .build())
                .keys(keys)
                .clock(MutableClock.at(NOW));
        for (TrustedIssuer i : issuers) {
            b.issuer(i);
        }
        return b;
    }

    static PostureReport report(ValidationPolicy.Builder policy) {
        return PostureReport.of(TokenValidator.create(policy.build()));
    }

    static List<FindingCode> codes(PostureReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    /** The only finding with this code; fails when there is none or more than one. */
    static Finding only(PostureReport report, FindingCode code) {
        List<Finding> found =
                report.findings().stream().filter(f -> f.code() == code).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + code + " finding, got " + codes(report));
        }
        return found.get(0);
    }

    static Optional<String> some(String value) {
        return Optional.of(value);
    }
}
