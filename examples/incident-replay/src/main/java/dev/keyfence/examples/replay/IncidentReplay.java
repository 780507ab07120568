package dev.keyfence.examples.replay;

import dev.keyfence.testkit.MutableClock;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Replays the 2023 forged-token incident and common token attacks, offline, against a common
 * Spring setup and against Keyfence, then prints the table and writes an HTML report.
 *
 * <pre>
 * java -jar examples/incident-replay/target/incident-replay.jar [REPORT.html]
 * </pre>
 *
 * Exit status 0 only when Keyfence accepted every legitimate token and rejected every attack
 * with the expected reason; 1 otherwise.
 */
public final class IncidentReplay {

    private IncidentReplay() {}

    /**
     * Runs the replay, prints the table to standard output and exits.
     *
     * @param args optional path of the HTML report
     */
    public static void main(String[] args) {
        Path report = args.length > 0 ? Path.of(args[0]) : defaultReport();
        ReplayResult result = run(report);
        PrintStream out = System.out;
        out.print(TextTable.render(result));
        out.println("report: " + report.toAbsolutePath().normalize());
        out.flush();
        System.exit(result.allAsExpected() ? 0 : 1);
    }

    /**
     * Starts the identity provider and the servers on ephemeral ports, plays every scenario
     * against every server, stops them, and writes the HTML report (and the Keyfence policy
     * file beside it).
     *
     * @param report where to write the HTML report
     * @return the table
     */
    public static ReplayResult run(Path report) {
        ReplayLogging.install();
        MutableClock clock = MutableClock.at(Scenarios.DAY);
        ReplayClient client = new ReplayClient();
        List<ReplayRow> rows = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        String loginHost;
        try (IncidentIdentityProvider idp = IncidentIdentityProvider.start()) {
            loginHost = idp.base();
            KeyfencePolicy policy = KeyfencePolicy.forMailApi(idp);
            Path config = policy.writeTo(report.toAbsolutePath().resolveSibling("keyfence-replay.yaml"));
            // the common setup starts while the identity provider generates its keys; Keyfence reads every key
            // source when its validator is built (a failed first read is retried only after
            // jwks.min-refetch-interval), so its servers are built once the keys are published
            CompletableFuture<Void> published = new CompletableFuture<>();
            try (Servers servers = Servers.start(
                    List.<Supplier<ProtectedServer>>of(
                            () -> SpringMailApi.commonSetup(idp, clock),
                            afterKeys(published, () -> KeyfenceServers.spring(config, clock)),
                            afterKeys(
                                    published,
                                    () -> KeyfenceServers.servlet(
                                            policy, config, clock, config.resolveSibling("tomcat-replay")))),
                    () -> publish(idp, published))) {
                servers.all().forEach(s -> columns.add(s.column()));
                for (Scenario scenario : Scenarios.all()) {
                    scenario.before().accept(idp);
                    clock.set(scenario.at());
                    String token = scenario.token().apply(idp, scenario.at());
                    List<Response> responses = new ArrayList<>();
                    for (ProtectedServer server : servers.all()) {
                        responses.add(client.call(server.uri(scenario.path()), token));
                    }
                    rows.add(new ReplayRow(scenario, fingerprint(token), responses));
                }
            }
        }
        ReplayResult result = new ReplayResult(loginHost, columns, rows);
        HtmlReport.write(result, report);
        return result;
    }

    private static Path defaultReport() {
        Path module = Path.of("examples", "incident-replay", "target");
        Path dir = Files.isDirectory(module) ? module : Path.of("target");
        return dir.resolve("incident-report.html");
    }

    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Publishes the identity provider's keys, then releases the starters waiting on {@code published}. */
    private static void publish(IncidentIdentityProvider idp, CompletableFuture<Void> published) {
        boolean done = false;
        try {
            idp.publishKeys();
            done = true;
        } finally {
            if (done) {
                published.complete(null);
            } else {
                published.completeExceptionally(new IllegalStateException("the identity provider published no keys"));
            }
        }
    }

    /** A starter that waits until the keys are published. */
    private static Supplier<ProtectedServer> afterKeys(
            CompletableFuture<Void> published, Supplier<ProtectedServer> starter) {
        return () -> {
            published.join();
            return starter.get();
        };
    }
}
