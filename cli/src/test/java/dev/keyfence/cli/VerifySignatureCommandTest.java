package dev.keyfence.cli;

import static dev.keyfence.cli.CliRun.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifySignatureCommandTest {
    final TestKey key = TestKey.rsa("k1");
    final TestKey other = TestKey.rsa("k1-other");
    final TestKey ec = TestKey.ec("e1", "P-256");

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    TokenBuilder token() {
        return Tokens.accessToken("https://any.example.test", "api://x", Instant.now());
    }

    Map<String, Object> only(CliRun run) {
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void singleJwkVerifiesItsOwnSignature() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        String t = token().signedWith(key);

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), t);

        assertThat(run.status()).isZero();
        Map<String, Object> line = only(run);
        assertThat(line.get("valid")).isEqualTo(true);
        assertThat(get(line, "reason")).isNull();
        assertThat(line.get("kid")).isEqualTo("k1");
        assertThat(get(line, "issuer")).isNull();
        assertThat(get(line, "keyScope")).isNull();
        assertThat(run.out()).doesNotContain(t);
    }

    @Test
    void jwkSetFindsKeyByKidAmongSeveral() throws IOException {
        Path set = write("set.json", JwkSet.of(ec, key).toJson());

        CliRun run = CliRun.run(
                "verify-signature", "--jwk", set.toString(), token().signedWith(ec), token().signedWith(key));

        assertThat(run.status()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("kid")).containsExactly("e1", "k1");
    }

    @Test
    void signatureByAnotherKeyWithSameKidIsSignatureInvalid() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        String forged = token().kid("k1").signedWith(other.withKid("k1"));

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), forged);

        assertThat(run.status()).isEqualTo(1);
        assertThat(only(run).get("reason")).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void unknownKidIsKeyNotFound() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), token().signedWith(other));

        assertThat(only(run).get("reason")).isEqualTo("KEY_NOT_FOUND");
        assertThat(only(run).get("kid")).isEqualTo("k1-other");
    }

    @Test
    void keyWhoseAlgDiffersFromTokenIsKeyNotFound() throws IOException {
        Path jwk = write("k1.json", key.jwk().member("alg", "PS256").toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), token().signedWith(key, "RS256"));

        assertThat(only(run).get("reason")).isEqualTo("KEY_NOT_FOUND");
        assertThat(only(run).get("detail")).asString().contains("PS256");
    }

    @Test
    void encryptionKeyIsKeyNotFound() throws IOException {
        Path jwk = write("k1.json", key.jwk().member("use", "enc").toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), token().signedWith(key));

        assertThat(only(run).get("reason")).isEqualTo("KEY_NOT_FOUND");
    }

    @Test
    void ecTokenAgainstRsaKeyIsKeyNotFound() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());

        CliRun run = CliRun.run(
                "verify-signature", "--jwk", jwk.toString(), token().kid("k1").signedWith(ec.withKid("k1")));

        assertThat(only(run).get("reason")).isEqualTo("KEY_NOT_FOUND");
    }

    @Test
    void unsignedTokenIsAlgorithmNotAllowed() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());

        CliRun run = CliRun.run(
                "verify-signature",
                "--jwk",
                jwk.toString(),
                token().alg("none").kid("k1").unsigned());

        assertThat(only(run).get("reason")).isEqualTo("ALGORITHM_NOT_ALLOWED");
    }

    @Test
    void embeddedKeyHeaderIsHeaderNotAllowed() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());

        CliRun run = CliRun.run(
                "verify-signature",
                "--jwk",
                jwk.toString(),
                token().header("jku", "https://evil.example.test/keys").signedWith(key));

        assertThat(only(run).get("reason")).isEqualTo("HEADER_NOT_ALLOWED");
    }

    @Test
    void shortRsaKeyIsKeyTooWeak() throws IOException {
        TestKey weak = TestKey.rsa("weak", 1024);
        Path jwk = write("weak.json", weak.jwk().toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), token().signedWith(weak));

        assertThat(only(run).get("reason")).isEqualTo("KEY_TOO_WEAK");
    }

    @Test
    void garbageIsMalformedTokenAndNeverEchoed() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        String garbage = "abc.def";

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), garbage);

        assertThat(run.status()).isEqualTo(1);
        assertThat(only(run).get("reason")).isEqualTo("MALFORMED_TOKEN");
        assertThat(only(run).get("fingerprint")).asString().hasSize(12);
    }

    @Test
    void readsTokensFromFileInOrder() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        Path tokens = write("t.txt", token().signedWith(key) + "\n\n" + token().signedWith(other) + "\n");

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), "--tokens", tokens.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).extracting(l -> get(l, "reason")).containsExactly(null, "KEY_NOT_FOUND");
    }

    @Test
    void unusableKeyInSetIsLeftOutWithWarningOnStderr() throws IOException {
        Path set = write(
                "set.json",
                JwkSet.of(key)
                        .withRaw("{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"AQAB\"}")
                        .toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", set.toString(), token().signedWith(key));

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("broken").contains("left out");
    }

    @Test
    void helpShowsAnExample() {
        CliRun run = CliRun.run("verify-signature", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Example").contains("--jwk");
    }
    /** A JWS payload is any bytes (RFC 7515; CONTRACT section 3): "foo", nothing at all, or a JSON array. */
    @Test
    void nonJsonAndEmptyPayloadsVerify() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        String header = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String foo = signed(header + ".Zm9v");
        String empty = signed(header + ".");
        String array = signed(header + ".WzFd");

        CliRun run = CliRun.run("verify-signature", "--jwk", jwk.toString(), foo, empty, array);

        assertThat(run.status()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("valid")).containsExactly(true, true, true);
    }

    @Test
    void payloadThatIsNotStrictBase64UrlIsMalformedToken() throws IOException {
        Path jwk = write("k1.json", key.jwk().toJson());
        String header = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CliRun run = CliRun.run(
                "verify-signature",
                "--jwk",
                jwk.toString(),
                signed(header + ".Zm9vYg="),
                signed(header + ".Zm9vYh"),
                signed(header + ".Zm+v"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines())
                .extracting(l -> l.get("reason"))
                .containsExactly("MALFORMED_TOKEN", "MALFORMED_TOKEN", "MALFORMED_TOKEN");
    }

    private String signed(String signingInput) {
        return signingInput + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Tokens.signature("RS256", key, signingInput));
    }
    /** Wycheproof's MixedKeySet: a public key must never be taken for an HMAC secret, so such a file is refused. */
    @Test
    void keyFileMixingSecretsWithPublicKeysIsAUsageError() throws IOException {
        TestKey secret = TestKey.hmac("s1", new byte[32]);
        Path set = write("mixed.json", JwkSet.of(key, secret).toJson());

        CliRun run = CliRun.run("verify-signature", "--jwk", set.toString(), token().signedWith(secret, "HS256"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("jwk").contains("mixes symmetric");
    }
}
