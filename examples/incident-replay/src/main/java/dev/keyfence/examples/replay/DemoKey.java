package dev.keyfence.examples.replay;

import dev.keyfence.testkit.TestKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One signing key of the embedded identity provider: its scope, its certificate window and what
 * happens to it in the story. Holds the private key (the replay mints tokens with it) but never
 * prints it: {@link #toString()} names only the kid.
 *
 * @param key         the key pair, named by its kid
 * @param scope       {@code enterprise} or {@code consumer}
 * @param notBefore   start of the x5c certificate window
 * @param notAfter    end of the x5c certificate window
 * @param role        one line on the key's part in the story, for the report
 */
public record DemoKey(TestKey key, String scope, Instant notBefore, Instant notAfter, String role) {

    public DemoKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(role, "role");
    }

    /** @return the key id */
    public String kid() {
        return key.kid();
    }

    @Override
    public String toString() {
        return "DemoKey[" + kid() + ", " + scope + "]";
    }
}
