package dev.keyfence.cli.internal;

import dev.keyfence.KeyReference;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerSnapshot;
import java.util.List;

/** The ledger of a configuration file, and keys named by {@code kid:} or {@code jkt:} in it. */
final class LedgerAccess {
    private LedgerAccess() {}

    /** The configuration's ledger; a usage error when the file has no {@code ledger:} section. */
    static KeyLedger of(KeyfenceConfig config) {
        return config.policy()
                .ledger()
                .orElseThrow(() -> new UsageError(
                        "--config: the configuration has no ledger: section (ledger.directory or ledger.jdbc-url)"));
    }

    /** The thumbprints a reference names: itself for {@code jkt:}, every key the ledger knows under a {@code kid:}. */
    static List<String> thumbprints(KeyReference key, LedgerSnapshot snapshot) {
        if (key.kind() == KeyReference.Kind.THUMBPRINT) {
            return List.of(key.value());
        }
        List<String> out = snapshot.keys().values().stream()
                .filter(r -> r.kids().contains(key.value()))
                .map(KeyRecord::thumbprint)
                .sorted()
                .toList();
        if (out.isEmpty()) {
            throw new UsageError(
                    "--key: the ledger knows no key with kid " + key.value() + "; name it by jkt:THUMBPRINT");
        }
        return out;
    }

    /** Parses {@code --key}. */
    static final class KeyConverter implements picocli.CommandLine.ITypeConverter<KeyReference> {
        @Override
        public KeyReference convert(String value) {
            if ((value.startsWith("kid:") || value.startsWith("jkt:")) && value.length() > 4) {
                return KeyReference.parse(value, "--key");
            }
            throw new picocli.CommandLine.TypeConversionException("expected kid:VALUE or jkt:THUMBPRINT");
        }
    }
}
