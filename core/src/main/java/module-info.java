/**
 * Keyfence core: JWT access-token validation that checks the signing key's validity window,
 * issuer and tenant binding, and key scope. Only {@code dev.keyfence}, {@code dev.keyfence.config}, {@code dev.keyfence.json},
 * {@code dev.keyfence.ledger} and {@code dev.keyfence.posture} are API; every {@code dev.keyfence.internal} package is
 * encapsulated and may change in any release.
 *
 * <p>jose4j has no module descriptor, only an {@code Automatic-Module-Name}; hence the
 * suppressed {@code requires-automatic} lint.
 */
@SuppressWarnings("requires-automatic")
module dev.keyfence {
    requires transitive java.net.http;
    requires com.github.benmanes.caffeine;
    requires org.jose4j;
    requires transitive org.jspecify;
    requires org.slf4j;
    requires org.snakeyaml.engine.v2;

    exports dev.keyfence;
    exports dev.keyfence.config;
    exports dev.keyfence.json;
    exports dev.keyfence.ledger;
    exports dev.keyfence.posture;

    uses dev.keyfence.ledger.LedgerProvider;
}
