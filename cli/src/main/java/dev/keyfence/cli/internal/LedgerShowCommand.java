package dev.keyfence.cli.internal;

import dev.keyfence.KeyReference;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.json.JsonWriter;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerCodec;
import dev.keyfence.ledger.LedgerSnapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger show}: one JSON line per key the ledger knows, with its history. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print one JSON object per key the ledger knows, one per line, ordered by thumbprint: kids, "
                + "scopes, publishers, first and last seen, removals, windows, revocations and reinstatements. "
                + "Public facts only: no key material.")
public final class LedgerShowCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The Keyfence YAML configuration, with a ledger: section.")
    private java.nio.file.Path config;

    @Option(
            names = "--key",
            paramLabel = "kid:VALUE|jkt:THUMBPRINT",
            converter = LedgerAccess.KeyConverter.class,
            description = "Only this key.")
    private @Nullable KeyReference key;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        KeyfenceConfig loaded = LedgerCommands.load(config);
        try (KeyLedger ledger = LedgerAccess.of(loaded)) {
            LedgerSnapshot snapshot = ledger.load();
            Set<String> only = key == null ? null : Set.copyOf(LedgerAccess.thumbprints(key, snapshot));
            PrintWriter out = spec.commandLine().getOut();
            snapshot.keys().values().stream()
                    .sorted(Comparator.comparing(KeyRecord::thumbprint))
                    .filter(r -> only == null || only.contains(r.thumbprint()))
                    .forEach(r -> out.println(JsonWriter.write(line(r))));
            out.flush();
            return ExitStatus.OK;
        }
    }

    static Map<String, Object> line(KeyRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thumbprint", r.thumbprint());
        m.put("kids", r.kids().stream().sorted().toList());
        m.put("scopes", r.scopes().stream().sorted().toList());
        m.put("publishers", LedgerCodec.publishers(r));
        m.put("firstSeen", r.firstSeen().map(Instant::toString));
        m.put("lastSeen", r.lastSeen().map(Instant::toString));
        m.put("retiredAt", r.removedAt().map(Instant::toString));
        m.put("removals", r.removals().stream().sorted().map(Instant::toString).toList());
        m.put("windows", LedgerCodec.windows(r));
        m.put("revoked", r.revoked());
        m.put("revocations", actions(r.revocations()));
        m.put("reinstatements", actions(r.reinstatements()));
        return m;
    }

    private static List<Object> actions(Set<KeyRecord.Action> actions) {
        List<Object> out = new ArrayList<>();
        actions.stream().sorted(KeyRecord.Action.ORDER).forEach(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", a.at().toString());
            m.put("actor", a.actor());
            m.put("reason", a.reason());
            out.add(m);
        });
        return out;
    }
}
