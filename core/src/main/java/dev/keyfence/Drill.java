package dev.keyfence;

import dev.keyfence.internal.drill.DrillRunner;
import dev.keyfence.internal.drill.KeyBank;
import dev.keyfence.internal.drill.ShadowExport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final Optional<KeyBank> shadowKeys;
    private final Optional<DrillTargetProbe> target;

    private Drill(Builder b) {
        if (b.policy == null) {
            throw ConfigurationException.ofWholeConfiguration("(drill)", "a policy or configuration is required");
        }
        if (b.target != null && b.shadowKeys == null) {
            throw new ConfigurationException(
                    "--target",
                    "needs --shadow-in DIR (the target must run on the shadow written by --shadow-out, or it cannot"
                            + " trust the drill's keys)");
        }
        this.policy = b.policy;
        this.resources = b.resources == null ? List.of() : b.resources;
        this.minControls = b.minControls == null ? DEFAULT_MIN_CONTROLS : b.minControls;
        this.clock = b.clock == null ? policy.clock() : b.clock;
        this.shadowKeys = Optional.ofNullable(b.shadowKeys);
        this.target = Optional.ofNullable(b.target);
    }

    /** A new builder; a policy (or a configuration) is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the drill. Deterministic in its verdicts for a given policy and instant; the keys are
     * new on every run unless {@link Builder#shadowKeys(Path)} gave them, and with a
     * {@link Builder#target(DrillTargetProbe)} every attack is also sent to the target. Never
     * contacts a key source and never logs or returns a token or key.
     */
    public DrillReport run() {
        KeyBank bank = shadowKeys.map(KeyBank::copy).orElseGet(KeyBank::fresh);
        return DrillRunner.run(policy, resources, minControls, clock.instant(), bank, target);
    }

    /**
     * Writes the shadow of this drill's policy into {@code dir} for a target to run on
     * ({@code drill --shadow-out DIR}): {@code shadow.yaml}, a copy of {@code configFile}
     * (the YAML file the policy was loaded from) with every key source replaced by a
     * {@code jwks-file} of the shadow's public keys and without its {@code ledger:} section, those
     * key sets, and the shadow's ephemeral private keys in an owner-only file that
     * {@link Builder#shadowKeys(Path)} reads back. No real key is read or written; an earlier shadow
     * in {@code dir} is replaced.
     *
     * @return the files written, the shadow's configuration file first
     * @throws ConfigurationException when {@code configFile} cannot be read or is not YAML
     * @throws java.io.UncheckedIOException when {@code dir} cannot be written
     */
    public List<Path> writeShadow(Path configFile, Path dir) {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dir, "dir");
        return ShadowExport.write(policy, configFile, clock.instant(), dir);
    }

    /** Builder; each setting may be given once. */
    public static final class Builder {
        private @Nullable ValidationPolicy policy;
        private @Nullable List<NamedResource> resources;
        private @Nullable Integer minControls;
        private @Nullable Clock clock;
        private @Nullable KeyBank shadowKeys;
        private @Nullable DrillTargetProbe target;

        private Builder() {}

        /** The policy and its resource profiles, from the YAML file. */
        public Builder config(KeyfenceConfig config) {
            Objects.requireNonNull(config, "config");
            policy(config.policy());
            return resources(config.resources());
        }

        /** The policy drilled, with its default resource. */
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

        /**
         * Drill with the ephemeral keys that {@link Drill#writeShadow(Path, Path)} wrote to {@code dir}
         * ({@code drill --shadow-in DIR}), so that the tokens minted are signed by the keys a target
         * started on that shadow trusts. The keys are read now.
         *
         * @throws ConfigurationException naming {@code --shadow-in} when {@code dir} holds no such keys
         */
        public Builder shadowKeys(Path dir) {
            KeyBank bank = KeyBank.read(Objects.requireNonNull(dir, "dir"));
            this.shadowKeys = Settings.once(this.shadowKeys, bank, "shadow-in");
            return this;
        }

        /**
         * Also send every attack and its counterpart to a running target through {@code probe}
         * ({@code drill --target URL}); each result then carries the target's answer. Needs
         * {@link #shadowKeys(Path)}.
         */
        public Builder target(DrillTargetProbe probe) {
            this.target = Settings.once(this.target, Objects.requireNonNull(probe, "probe"), "target");
            return this;
        }

        /**
         * The drill.
         *
         * @throws ConfigurationException without a policy, or with a target but no shadow keys
         */
        public Drill build() {
            return new Drill(this);
        }
    }
}
