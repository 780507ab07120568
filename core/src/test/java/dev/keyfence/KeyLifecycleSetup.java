package dev.keyfence;

import dev.keyfence.testkit.JwkSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One issuer reading its keys from a jwks-file, with key rules that tests set, built either in
 * code or from the YAML file of the contract, so every lifecycle test runs through both doors.
 */
final class KeyLifecycleSetup {
    static final String ISSUER = "https://idp.example.test";
    static final String AUDIENCE = "api://orders";

    /** How the policy is built. */
    enum FrontDoor {
        CODE,
        YAML
    }

    private final Path jwksFile;
    private Duration maxAge;
    private Duration retiredGrace;
    private final List<String> revoked = new ArrayList<>();
    private final List<String[]> windows = new ArrayList<>();

    private KeyLifecycleSetup(Path jwksFile) {
        this.jwksFile = jwksFile;
    }

    /** A setup whose key source is {@code keys.json} in {@code dir}, holding {@code keys}. */
    static KeyLifecycleSetup in(Path dir, JwkSet keys) {
        KeyLifecycleSetup s = new KeyLifecycleSetup(dir.resolve("keys.json"));
        s.publish(keys);
        return s;
    }

    /** Replaces what the key source publishes (read again at the next refresh). */
    void publish(JwkSet keys) {
        try {
            Files.writeString(jwksFile, keys.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeyLifecycleSetup maxAge(Duration d) {
        this.maxAge = d;
        return this;
    }

    KeyLifecycleSetup retiredGrace(Duration d) {
        this.retiredGrace = d;
        return this;
    }

    /** {@code kid:VALUE} or {@code jkt:VALUE}. */
    KeyLifecycleSetup revoked(String ref) {
        revoked.add(ref);
        return this;
    }

    /** A declared window; {@code ref} is {@code kid:VALUE} or {@code jkt:VALUE}; either bound may be null. */
    KeyLifecycleSetup window(String ref, String notBefore, String notAfter) {
        windows.add(new String[] {ref, notBefore, notAfter});
        return this;
    }

    ValidationPolicy policy(FrontDoor door, Clock clock) {
        ValidationPolicy base = door == FrontDoor.CODE ? fromCode() : fromYaml();
        return base.toBuilder().clock(clock).build();
    }

    private ValidationPolicy fromCode() {
        KeyPolicy.Builder keys = KeyPolicy.builder();
        if (maxAge != null) {
            keys.maxAge(maxAge);
        }
        if (retiredGrace != null) {
            keys.retiredGrace(retiredGrace);
        }
        for (String r : revoked) {
            keys.revoke(KeyReference.parse(r, "test"));
        }
        for (String[] w : windows) {
            keys.window(new DeclaredWindow(
                    KeyReference.parse(w[0], "test"),
                    java.util.Optional.ofNullable(w[1]).map(Instant::parse),
                    java.util.Optional.ofNullable(w[2]).map(Instant::parse)));
        }
        return ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer(ISSUER)
                        .keySource(KeySource.file(jwksFile))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .keys(keys.build())
                .build();
    }

    private ValidationPolicy fromYaml() {
        StringBuilder y = new StringBuilder();
        y.append("issuers:\n")
                .append("  - name: idp\n")
                .append("    issuer: \"")
                .append(ISSUER)
                .append("\"\n")
                .append("    jwks-file: \"")
                .append(jwksFile.getFileName())
                .append("\"\n")
                .append("    key-scope: enterprise\n")
                .append("resource:\n")
                .append("  audiences: [\"")
                .append(AUDIENCE)
                .append("\"]\n")
                .append("  accepted-key-scopes: [enterprise]\n")
                .append("keys:\n")
                .append("  min-rsa-bits: 2048\n");
        if (maxAge != null) {
            y.append("  max-age: ").append(maxAge).append('\n');
        }
        if (retiredGrace != null) {
            y.append("  retired-grace: ").append(retiredGrace).append('\n');
        }
        if (!revoked.isEmpty()) {
            y.append("  revoked:\n");
            revoked.forEach(r -> y.append("    - \"").append(r).append("\"\n"));
        }
        if (!windows.isEmpty()) {
            y.append("  windows:\n");
            for (String[] w : windows) {
                String kind = w[0].substring(0, 3);
                y.append("    - ")
                        .append(kind)
                        .append(": \"")
                        .append(w[0].substring(4))
                        .append("\"\n");
                if (w[1] != null) {
                    y.append("      not-before: \"").append(w[1]).append("\"\n");
                }
                if (w[2] != null) {
                    y.append("      not-after: \"").append(w[2]).append("\"\n");
                }
            }
        }
        return KeyfenceConfig.parse(y.toString(), jwksFile.getParent()).policy();
    }
}
