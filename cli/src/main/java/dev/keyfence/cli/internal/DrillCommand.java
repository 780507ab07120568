package dev.keyfence.cli.internal;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ValidationPolicy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drill}: the attack catalogue on a shadow of the policy, with the controls that catch each attack alone. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Prove the policy of FILE against an attack catalogue (the 2023 key forgeries, key life, header "
                + "and claim attacks) on a shadow with ephemeral keys, never touching the real key sources. For each "
                + "attack: the verdict, and the controls that catch it alone (every other control switched off).",
        footer = {"", "Exit status: 0 every attack refused, every legitimate counterpart accepted and each 2023 key "
                + "forgery caught by at least --min-controls controls; 1 otherwise; 2 usage or configuration error.",
                "", "Examples:",
                "  java -jar keyfence-cli.jar drill --config keyfence.yaml",
                "  java -jar keyfence-cli.jar drill --config keyfence.yaml --format json --min-controls 3"})
public final class DrillCommand implements Callable<Integer> {
    @Mixin
    private PolicyOptions policyOptions;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            converter = AuditCommand.FormatConverter.class,
            description = "Output format: text (a table, default) or json (one object per attack, one per line).")
    private String format;

    @Option(names = "--min-controls", paramLabel = "N", defaultValue = "2",
            description = "Controls each 2023 key forgery must meet alone (default: 2, at least 1).")
    private int minControls;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (minControls < 1) {
            throw new UsageError("--min-controls: at least 1, was " + minControls);
        }
        KeyfenceConfig config = policyOptions.load();
        ValidationPolicy policy = policyOptions.policy(config);
        DrillReport report = Drill.builder().policy(policy).resources(config.resources()).minControls(minControls)
                .at(policy.clock().instant()).build().run();
        PrintWriter out = spec.commandLine().getOut();
        if ("json".equals(format)) {
            out.print(DrillJson.lines(report));
        } else {
            out.print(DrillText.write(report, policyOptions.configName()));
        }
        out.flush();
        return report.passed() ? ExitStatus.OK : ExitStatus.FAILED;
    }
}
