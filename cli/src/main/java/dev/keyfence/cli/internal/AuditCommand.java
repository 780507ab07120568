package dev.keyfence.cli.internal;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.posture.PostureJson;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.posture.Severity;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit}: controls, keys and findings of a configuration. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Fetch every issuer's keys and print the posture: every control and whether it is on, every "
                + "key (kid, type, size, thumbprint, window, age, scopes, status) and the findings, each with "
                + "a severity (critical, high, medium, low) and a code.",
        footer = {
            "",
            "Exit status: 0 no finding at or above --fail-on, 1 otherwise, 2 usage or configuration error.",
            "",
            "Examples:",
            "  java -jar keyfence-cli.jar audit --config keyfence.yaml",
            "  java -jar keyfence-cli.jar audit --config keyfence.yaml --format json --fail-on critical"
        })
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    private PolicyOptions policyOptions;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            converter = FormatConverter.class,
            description = "Output format: text (tables, default) or json (one object).")
    private String format;

    @Option(
            names = "--fail-on",
            paramLabel = "critical|high|medium|low|never",
            defaultValue = "high",
            converter = FailOnConverter.class,
            description = "Exit 1 when a finding is at or above this severity (default: high); never: always 0.")
    private String failOn;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        KeyfenceConfig config = policyOptions.load();
        TokenValidator validator = TokenValidator.create(policyOptions.policy(config));
        PostureReport posture = PostureReport.of(validator, config.resources());
        Severity threshold = "never".equals(failOn) ? null : Severity.valueOf(failOn.toUpperCase(Locale.ROOT));
        PrintWriter out = spec.commandLine().getOut();
        if ("json".equals(format)) {
            out.println(PostureJson.write(posture));
        } else {
            out.print(PostureText.write(posture, threshold));
        }
        out.flush();
        try {
            validator.awaitLedgerWrites(
                    java.time.Duration.ofSeconds(2)); // what this audit read, for the fleet's ledger
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return threshold != null && posture.hasFindingAtOrAbove(threshold) ? ExitStatus.FAILED : ExitStatus.OK;
    }

    /** {@code text} or {@code json}, any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("text") && !v.equals("json")) {
                throw new CommandLine.TypeConversionException("expected text or json");
            }
            return v;
        }
    }

    /** {@code critical|high|medium|low|never}, any case. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.matches("critical|high|medium|low|never")) {
                throw new CommandLine.TypeConversionException("expected critical, high, medium, low or never");
            }
            return v;
        }
    }
}
