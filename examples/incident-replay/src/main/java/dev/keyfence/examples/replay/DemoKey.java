package dev.keyfence.examples.replay;

import dev.keyfence.testkit.TestKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One signing key of the embedded identity provider: its kid, scope, certificate window and what
 * happens to it in the story. The key pair is generated on first use (and cached by the testkit,
 * one per kid), so the replay can generate keys while its servers start. Never prints key
 * material: {@link #toString()} names only the kid.
 *
 * @param kid         the key id
 * @param scope       {@code enterprise} or {@code consumer}
 * @param notBefore   start of the x5c certificate window
 * @param notAfter    end of the x5c certificate window
 * @param role        one line on the key's part in the story, for the report
 */
public record DemoKey(String kid, String scope, Instant notBefore, Instant notAfter, String role) {

    public DemoKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(role, "role");
    }

    /** @return the 2048-bit RSA key pair of this kid, the same one on every call */
    public TestKey key() {
        return TestKey.rsa(kid);
    }

    @Override
    public String toString() {
        return "DemoKey[" + kid + ", " + scope + "]";
    }
}
