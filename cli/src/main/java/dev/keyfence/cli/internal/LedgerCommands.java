package dev.keyfence.cli.internal;

import dev.keyfence.KeyReference;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.json.JsonWriter;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** What revoke and reinstate share: loading the file, naming the keys, recording the decision. */
final class LedgerCommands {
    private LedgerCommands() {}

    static KeyfenceConfig load(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new UsageError("--config: no such file: " + config);
        }
        return KeyfenceConfig.load(config);
    }

    /**
     * Records {@code action} for every key {@code key} names and prints one JSON line per key:
     * {@code {"thumbprint":..,"action":..,"revoked":..}}, its state after the write as read back.
     */
    static int decide(
            Path config,
            KeyReference key,
            String verb,
            KeyRecord.Action action,
            boolean singleKey,
            PrintWriter out,
            BiConsumer<KeyLedger, String> record) {
        KeyfenceConfig loaded = load(config);
        try (KeyLedger ledger = LedgerAccess.of(loaded)) {
            List<String> keys = LedgerAccess.thumbprints(key, ledger.load());
            if (singleKey && keys.size() > 1) {
                throw new UsageError("--key: kid " + key.value() + " names " + keys.size()
                        + " keys in the ledger; name one by jkt:THUMBPRINT (" + String.join(", ", keys) + ")");
            }
            for (String jkt : keys) {
                record.accept(ledger, jkt);
            }
            var snapshot = ledger.load();
            for (String jkt : keys) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("thumbprint", jkt);
                m.put("action", verb);
                m.put("at", action.at().toString());
                m.put("actor", action.actor());
                m.put("revoked", snapshot.key(jkt).map(KeyRecord::revoked).orElse(false));
                m.put(
                        "retiredAt",
                        snapshot.key(jkt).flatMap(KeyRecord::removedAt).map(Instant::toString));
                out.println(JsonWriter.write(m));
            }
            out.flush();
            return ExitStatus.OK;
        }
    }

    static KeyRecord.Action action(String actor, String reason, Instant now) {
        if (actor.isBlank()) {
            throw new UsageError("--actor: must not be blank");
        }
        if (reason.isBlank()) {
            throw new UsageError("--reason: must not be blank");
        }
        try {
            return new KeyRecord.Action(actor, reason, now);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--actor/--reason: " + e.getMessage());
        }
    }
}
