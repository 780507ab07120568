package dev.keyfence.spring.internal;

import dev.keyfence.KeyState;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings of the contract's {@code audit} table, computed from a policy and the current key
 * source statuses. Messages name issuers and key ids only, never key material.
 */
public final class PostureFindings {
    private static final Duration DEFAULT_AUDIT_AGE = Duration.ofDays(365);
    private static final Duration LONG_SKEW = Duration.ofMinutes(2);

    private PostureFindings() {
    }

    /** Every finding, most severe first. */
    public static List<Finding> of(ValidationPolicy policy, List<SourceStatus> sources) {
        List<Finding> out = new ArrayList<>();
        Duration maxAge = policy.keys().maxAge().orElse(DEFAULT_AUDIT_AGE);
        for (TrustedIssuer issuer : policy.issuers()) {
            Optional<String> name = Optional.of(issuer.name());
            if (issuer.isTemplate() && issuer.allowsAnyTenant()) {
                out.add(new Finding("high", "TENANT_UNRESTRICTED", name, Optional.empty(),
                        "issuer " + issuer.name() + " accepts any tenant"));
            }
            if (issuer.algorithms().orElse(policy.resource().algorithms()).stream().anyMatch(a -> a.startsWith("HS"))) {
                out.add(new Finding("high", "SYMMETRIC_ALGORITHM_ALLOWED", name, Optional.empty(),
                        "issuer " + issuer.name() + " allows a symmetric algorithm"));
            }
            String location = issuer.keySource().describe();
            if (location.startsWith("http:")) {
                out.add(new Finding("high", "INSECURE_KEY_TRANSPORT", name, Optional.empty(),
                        "issuer " + issuer.name() + " reads keys over plain http"));
            }
        }
        if (policy.resource().clockSkew().compareTo(LONG_SKEW) > 0) {
            out.add(new Finding("medium", "LONG_CLOCK_SKEW", Optional.empty(), Optional.empty(),
                    "clock skew " + policy.resource().clockSkew() + " exceeds " + LONG_SKEW));
        }
        for (SourceStatus source : sources) {
            Optional<String> name = Optional.of(source.issuerName());
            if (source.health() == SourceStatus.Health.DOWN) {
                out.add(new Finding("high", "ISSUER_UNREACHABLE", name, Optional.empty(),
                        "key source " + source.source() + " is unavailable"));
            }
            for (KeyStatus key : source.keys()) {
                if (key.retiredAt().isPresent()) {
                    continue;
                }
                String kid = key.kid().orElse("(no kid)");
                if (key.scopes().size() > 1) {
                    out.add(new Finding("critical", "KEY_SHARED_ACROSS_SCOPES", name, key.kid(),
                            "key " + kid + " is published for scopes " + key.scopes()));
                }
                if (key.state() == KeyState.EXPIRED) {
                    out.add(new Finding("high", "EXPIRED_KEY_PUBLISHED", name, key.kid(), "key " + kid + " expired "
                            + key.notAfter().map(Object::toString).orElse("")));
                }
                if (key.age().map(a -> a.compareTo(maxAge) > 0).orElse(false)) {
                    out.add(new Finding("high", "KEY_TOO_OLD", name, key.kid(),
                            "key " + kid + " is " + key.age().orElseThrow().toDays() + " days old"));
                }
                if (key.state() == KeyState.TOO_WEAK) {
                    out.add(new Finding("high", "WEAK_KEY", name, key.kid(), "key " + kid + " is too weak"));
                }
                if (key.windowUnknown()) {
                    out.add(new Finding("medium", "KEY_WITHOUT_VALIDITY", name, key.kid(),
                            "key " + kid + " has no validity window"));
                }
                if (key.keyIssuer().isEmpty()) {
                    out.add(new Finding("medium", "KEY_WITHOUT_ISSUER_BINDING", name, key.kid(),
                            "key " + kid + " carries no issuer member"));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(rank(a.severity()), rank(b.severity())));
        return out;
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 0;
            case "high" -> 1;
            case "medium" -> 2;
            default -> 3;
        };
    }
}
