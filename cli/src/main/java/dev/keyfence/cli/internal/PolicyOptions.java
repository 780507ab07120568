package dev.keyfence.cli.internal;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ValidationPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --config FILE [--now INSTANT]}: the YAML policy, evaluated at a chosen instant if asked. */
public final class PolicyOptions {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The Keyfence YAML configuration (every setting: docs/configuration.md).")
    private Path config;

    @Option(
            names = "--now",
            paramLabel = "INSTANT",
            converter = InstantConverter.class,
            description = "Evaluate every time rule at this ISO-8601 UTC instant, e.g. 2023-07-11T00:00:00Z.")
    private @Nullable Instant now;

    /** The loaded configuration; {@link dev.keyfence.ConfigurationException} naming the setting when it cannot be used. */
    public KeyfenceConfig load() {
        if (!Files.isRegularFile(config)) {
            throw new UsageError("--config: no such file: " + config);
        }
        return KeyfenceConfig.load(config);
    }

    /** The configuration file as given. */
    public Path configFile() {
        return config;
    }

    /** True when {@code --now} was given. */
    public boolean nowGiven() {
        return now != null;
    }

    /** The configuration file's name, for report headings (not its folder). */
    public String configName() {
        Path name = config.getFileName();
        return name == null ? config.toString() : name.toString();
    }

    /**
     * The configuration's policy, with a fixed clock when {@code --now} was given; its key
     * ledger, if any, is then read only (sightings at a chosen instant are never stored).
     */
    public ValidationPolicy policy(KeyfenceConfig loaded) {
        ValidationPolicy policy = loaded.policy();
        if (now == null) {
            return policy;
        }
        ValidationPolicy.Builder b = policy.toBuilder().clock(Clock.fixed(now, ZoneOffset.UTC));
        policy.ledger().ifPresent(l -> b.ledger(new ReadOnlyLedger(l)));
        return b.build();
    }

    /** Parses {@code --now}. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "not an ISO-8601 UTC instant such as 2023-07-11T00:00:00Z");
            }
        }
    }
}
