package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.DeclaredWindow;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding 4 of issue 14: one key material published under two kids, {@code old} (expired by
 * its JWK {@code exp}, or by a window declared for kid {@code old}, or revoked as
 * {@code kid:old}, or carrying the JWK {@code revoked} member) and {@code new} (undated). Whatever the order of the set and of validation,
 * both kids get the same verdict: the key material's window is the intersection of its entries.
 */
class KeyWindowOrderTest {
    private static final String ISSUER = "https://idp.example.test";
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Instant YESTERDAY = Instant.parse("2025-01-14T10:00:00Z");
    private static final TestKey KEY = TestKey.rsa("new");

    @TempDir
    Path dir;

    /** What makes kid {@code old} unusable, and the reason both kids must get. */
    enum Rule {
        JWK_EXP(Reason.KEY_EXPIRED),
        DECLARED_WINDOW_BY_KID(Reason.KEY_EXPIRED),
        REVOKED_BY_KID(Reason.KEY_REVOKED),
        JWK_REVOKED_MEMBER(Reason.KEY_REVOKED);

        final Reason reason;

        Rule(Reason reason) {
            this.reason = reason;
        }
    }

    enum FrontDoor {
        CODE,
        YAML
    }

    static Stream<Arguments> cases() {
        return Stream.of(FrontDoor.values())
                .flatMap(d -> Stream.of(Rule.values())
                        .flatMap(r -> Stream.of(true, false)
                                .flatMap(oldFirstInSet -> Stream.of(true, false)
                                        .map(oldValidatedFirst ->
                                                Arguments.of(d, r, oldFirstInSet, oldValidatedFirst)))));
    }

    private TokenValidator engine(FrontDoor door, Rule rule, boolean oldFirstInSet) throws IOException {
        JwkBuilder old = KEY.jwk().kid("old");
        if (rule == Rule.JWK_EXP) {
            old = old.member("exp", YESTERDAY.getEpochSecond());
        }
        if (rule == Rule.JWK_REVOKED_MEMBER) {
            old = old.member("revoked", java.util.Map.of("revoked_at", YESTERDAY.getEpochSecond()));
        }
        JwkBuilder current = KEY.jwk().kid("new");
        JwkSet set = oldFirstInSet ? JwkSet.of(old, current) : JwkSet.of(current, old);
        Path file = dir.resolve("keys.json");
        Files.writeString(file, set.toJson());
        MutableClock clock = MutableClock.at(NOW);
        ValidationPolicy policy;
        if (door == FrontDoor.CODE) {
            KeyPolicy.Builder keys = KeyPolicy.builder();
            if (rule == Rule.DECLARED_WINDOW_BY_KID) {
                keys.window(new DeclaredWindow(KeyReference.kid("old"), Optional.empty(), Optional.of(YESTERDAY)));
            }
            if (rule == Rule.REVOKED_BY_KID) {
                keys.revoke(KeyReference.kid("old"));
            }
            policy = ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("idp")
                            .issuer(ISSUER)
                            .keySource(KeySource.file(file))
                            .keyScope("enterprise")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences("api://x")
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .keys(keys.build())
                    .clock(clock)
                    .build();
        } else {
            String keys = switch (rule) {
                case JWK_EXP, JWK_REVOKED_MEMBER -> "";
                case DECLARED_WINDOW_BY_KID ->
                    "keys:\n  windows:\n    - kid: old\n      not-after: \"" + YESTERDAY + "\"\n";
                case REVOKED_BY_KID -> "keys:\n  revoked: [\"kid:old\"]\n";
            };
            String yaml = "issuers:\n  - name: idp\n    issuer: \"" + ISSUER + "\"\n    jwks-file: keys.json\n"
                    + "    key-scope: enterprise\nresource:\n  audiences: [\"api://x\"]\n"
                    + "  accepted-key-scopes: [enterprise]\n" + keys;
            policy = KeyfenceConfig.parse(yaml, dir).policy().toBuilder()
                    .clock(clock)
                    .build();
        }
        return TokenValidator.create(
                policy.toBuilder().refreshExecutor(Runnable::run).build());
    }

    private static Reason reason(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() : null;
    }

    @ParameterizedTest(name = "{0} {1} old first in set: {2}, old validated first: {3}")
    @MethodSource("cases")
    void bothKidsOfOneKeyMaterialGetTheSameVerdictInEveryOrder(
            FrontDoor door, Rule rule, boolean oldFirstInSet, boolean oldValidatedFirst) throws IOException {
        TokenValidator engine = engine(door, rule, oldFirstInSet);
        String viaOld = Tokens.accessToken(ISSUER, "api://x", NOW).kid("old").signedWith(KEY);
        String viaNew = Tokens.accessToken(ISSUER, "api://x", NOW).kid("new").signedWith(KEY);
        List<String> order = oldValidatedFirst ? List.of(viaOld, viaNew) : List.of(viaNew, viaOld);

        for (String token : order) {
            assertThat(reason(engine.validate(token))).isEqualTo(rule.reason);
        }
    }
}
