package dev.keyfence.cli.internal;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ValidationPolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drill}: the attack catalogue on a shadow of the policy, with the controls that catch each attack alone. */
@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        description = "Prove the policy of FILE against an attack catalogue (the 2023 key forgeries, key life, header "
                + "and claim attacks) on a shadow with ephemeral keys, never touching the real key sources. For each "
                + "attack: the verdict, and the controls that catch it alone (every other control switched off).",
        footer = {
            "",
            "Exit status: 0 every attack refused, every legitimate counterpart accepted and each 2023 key "
                    + "forgery caught by at least --min-controls controls; 1 otherwise; 2 usage or configuration error.",
            "",
            "Examples:",
            "  java -jar keyfence-cli.jar drill --config keyfence.yaml",
            "  java -jar keyfence-cli.jar drill --config keyfence.yaml --format json --min-controls 3",
            "  java -jar keyfence-cli.jar drill --config keyfence.yaml --shadow-out shadow/",
            "  java -jar keyfence-cli.jar drill --config keyfence.yaml --shadow-in shadow/ --target http://127.0.0.1:8080/api/me"
        })
public final class DrillCommand implements Callable<Integer> {
    @Mixin
    private PolicyOptions policyOptions;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            converter = AuditCommand.FormatConverter.class,
            description = "Output format: text (a table, default) or json (one object per attack, one per line).")
    private String format;

    @Option(
            names = "--min-controls",
            paramLabel = "N",
            defaultValue = "2",
            description = "Controls each 2023 key forgery must meet alone (default: 2, at least 1).")
    private int minControls;

    @Option(
            names = "--shadow-out",
            paramLabel = "DIR",
            description =
                    "Write the shadow (shadow.yaml with jwks-file sources, its public key sets, and its ephemeral "
                            + "private keys in an owner-only file) into DIR and exit; start the target with "
                            + "-Dkeyfence.config=DIR/shadow.yaml. Never writes a real key.")
    private @Nullable Path shadowOut;

    @Option(
            names = "--shadow-in",
            paramLabel = "DIR",
            description = "Drill with the ephemeral keys an earlier --shadow-out wrote to DIR (needed by --target).")
    private @Nullable Path shadowIn;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "Also send every attack and its counterpart to this running endpoint (default path /api/me), "
                    + "started on the shadow of --shadow-in: require 401 with the shadow's reason code in "
                    + "WWW-Authenticate error_description for the attack and 2xx for the counterpart.")
    private @Nullable String target;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (minControls < 1) {
            throw new UsageError("--min-controls: at least 1, was " + minControls);
        }
        if (shadowOut != null && (shadowIn != null || target != null)) {
            throw new UsageError(
                    "--shadow-out: writes a shadow and exits; use --shadow-in DIR --target URL in a second run");
        }
        if (target != null && shadowIn == null) {
            throw new UsageError("--target: needs --shadow-in DIR (the target must run on the shadow written by "
                    + "--shadow-out, or it cannot trust the drill's keys)");
        }
        if (target != null && policyOptions.nowGiven()) {
            throw new UsageError("--target: cannot be combined with --now (the target evaluates at its own clock)");
        }
        if (shadowIn != null && !Files.isDirectory(shadowIn)) {
            throw new UsageError("--shadow-in: no such folder: " + shadowIn);
        }
        KeyfenceConfig config = policyOptions.load();
        ValidationPolicy policy = policyOptions.policy(config);
        PrintWriter out = spec.commandLine().getOut();
        if (shadowOut != null) {
            List<Path> files =
                    Drill.builder().policy(policy).build().writeShadow(policyOptions.configFile(), shadowOut);
            out.println("shadow of " + policyOptions.configName() + " written (ephemeral keys only; the private keys "
                    + "file is readable by its owner only):");
            files.forEach(f -> out.println("  " + f));
            out.println("start the target with -Dkeyfence.config=" + files.get(0) + ", then run: drill --config "
                    + policyOptions.configName() + " --shadow-in " + shadowOut + " --target URL");
            out.flush();
            return ExitStatus.OK;
        }
        Drill.Builder drill =
                Drill.builder().policy(policy).resources(config.resources()).minControls(minControls);
        if (shadowIn != null) {
            drill.shadowKeys(shadowIn);
        }
        if (target != null) {
            drill.target(probe(config, policy));
        }
        DrillReport report = drill.build().run();
        if ("json".equals(format)) {
            out.print(DrillJson.lines(report));
        } else {
            out.print(DrillText.write(report, policyOptions.configName()));
        }
        out.flush();
        return report.passed() ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** The HTTP probe of {@code --target}, for the resource its path is routed to. */
    private HttpTargetProbe probe(KeyfenceConfig config, ValidationPolicy policy) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new UsageError("--target: not a URL");
        }
        if (uri.getScheme() == null
                || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new UsageError(
                    "--target: an http or https URL with a host is required, such as http://127.0.0.1:8080/api/me");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/api/me" : uri.getRawPath();
        URI clean;
        try {
            clean = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null).resolve(path);
        } catch (URISyntaxException e) {
            throw new UsageError("--target: not a URL");
        }
        String resource = config.resources().stream()
                .filter(r -> r.patterns().stream().anyMatch(p -> p.matches(path)))
                .map(r -> r.resource().name())
                .findFirst()
                .orElse(policy.resource().name());
        return new HttpTargetProbe(clean, clean.toString(), resource);
    }
}
