package dev.keyfence;

import dev.keyfence.internal.drill.DrillRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Proves a policy against an attack catalogue on a shadow: the same issuers, tenants, scopes,
 * resource profiles, windows, revocations, algorithm and type rules, with every key source
 * replaced by ephemeral keys of the same shape. The real key sources are never contacted. For
 * each attack the report gives the verdict under the full policy and the controls that catch it
 * alone; each attack's legitimate counterpart must be accepted.
 *
 * <pre>{@code
 * KeyfenceConfig config = KeyfenceConfig.load(Path.of("keyfence.yaml"));
 * DrillReport report = Drill.builder().config(config).build().run();
 * if (!report.passed()) {
 *     report.findings().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Drill {
    /** Default number of independent controls each 2023 key forgery must meet. */
    public static final int DEFAULT_MIN_CONTROLS = 2;

    private final ValidationPolicy policy;
    private final List<NamedResource> resources;
    private final int minControls;
    private final Clock clock;

    private Drill(Builder b) {
        if (b.policy == null) {
            throw ConfigurationException.ofWholeConfiguration("(drill)", "a policy or configuration is required");
        }
        this.policy = b.policy;
        this.resources = b.resources == null ? List.of() : b.resources;
        this.minControls = b.minControls == null ? DEFAULT_MIN_CONTROLS : b.minControls;
        this.clock = b.clock == null ? policy.clock() : b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the drill. Deterministic in its verdicts for a given policy and instant; the keys are
     * new on every run. Never contacts a key source and never logs or returns a token or key.
     */
    public DrillReport run() {
        return DrillRunner.run(policy, resources, minControls, clock.instant());
    }

    /** Builder; each setting may be given once. */
    public static final class Builder {
        private @Nullable ValidationPolicy policy;
        private @Nullable List<NamedResource> resources;
        private @Nullable Integer minControls;
        private @Nullable Clock clock;

        private Builder() {}

        /** The policy and its resource profiles, from the YAML file. */
        public Builder config(KeyfenceConfig config) {
            Objects.requireNonNull(config, "config");
            policy(config.policy());
            return resources(config.resources());
        }

        public Builder policy(ValidationPolicy policy) {
            this.policy = Settings.once(this.policy, policy, "policy");
            return this;
        }

        /** Named resource profiles drilled besides the policy's default resource. */
        public Builder resources(List<NamedResource> resources) {
            this.resources = Settings.once(this.resources, List.copyOf(resources), "resources");
            return this;
        }

        /** Controls each 2023 key forgery must meet at a resource refusing the forging key's scope; at least 1. */
        public Builder minControls(int controls) {
            if (controls < 1) {
                throw new ConfigurationException("--min-controls", "at least 1, was " + controls);
            }
            this.minControls = Settings.once(this.minControls, controls, "min-controls");
            return this;
        }

        /** The instant every time rule is evaluated at (default: the policy's clock). */
        public Builder at(Instant now) {
            this.clock = Settings.once(
                    this.clock, Clock.fixed(Objects.requireNonNull(now, "now"), java.time.ZoneOffset.UTC), "now");
            return this;
        }

        public Drill build() {
            return new Drill(this);
        }
    }
}
