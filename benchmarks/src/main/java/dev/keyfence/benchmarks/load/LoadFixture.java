package dev.keyfence.benchmarks.load;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The identity provider side of {@code benchmarks/load.sh}: serves a JWK set on 127.0.0.1, writes
 * the token files wrk replays and the policy the example servers load, then keeps serving keys.
 * While the file {@code DIR/rotating} exists it rotates every second: a new key is published and
 * the oldest rotating key removed, beside the stable signing key every token uses, so that the
 * resource server refetches and retires keys under load. Stops when {@code DIR/stop} appears.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.keyfence.benchmarks.load.LoadFixture DIR [fresh-tokens]
 * </pre>
 *
 * Files written to {@code DIR}: {@code fresh.txt} (every line a different token),
 * {@code repeat.txt} (a request sequence: 90% from 500 tokens in use, 10% new ones, none of them in
 * {@code fresh.txt}),
 * {@code flood.txt} (tokens naming random unknown kids, each different), {@code keyfence.yaml},
 * {@code spring-nimbus.args} (the same policy as Spring Boot resource-server properties) and,
 * last, {@code ready} with the key server's port.
 */
public final class LoadFixture {
    static final String ISSUER = "https://login.example.test/load/v2.0";
    static final String AUDIENCE = "api://load";
    private static final int HOT_TOKENS = 500;
    private static final int REPEAT_REQUESTS = 30_000;
    private static final int FLOOD_TOKENS = 50_000;

    private LoadFixture() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        int fresh = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        Files.createDirectories(dir);
        TestKey stable = TestKey.rsa("load-stable");
        List<TestKey> rotating = new ArrayList<>();
        rotating.add(TestKey.rsa("load-rot-0"));
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/keys", set(stable, rotating));
            writeTokens(dir, stable, fresh);
            writePolicy(dir, server.uri("/keys").toString());
            Files.writeString(dir.resolve("ready"), Integer.toString(server.port()));
            System.out.println("key server on " + server.port() + ", files in " + dir);
            int next = 1;
            while (!Files.exists(dir.resolve("stop"))) {
                Thread.sleep(1000);
                if (Files.exists(dir.resolve("rotating"))) {
                    rotating.add(TestKey.rsa("load-rot-" + next++));
                    if (rotating.size() > 2) {
                        rotating.remove(0);
                    }
                    server.serveKeys("/keys", set(stable, rotating));
                    Files.writeString(dir.resolve("rotations"), Integer.toString(next - 1));
                }
                Files.writeString(dir.resolve("key-set-hits"), Integer.toString(server.hits("/keys")));
            }
        }
    }

    private static JwkSet set(TestKey stable, List<TestKey> rotating) {
        List<TestKey> keys = new ArrayList<>(rotating);
        keys.add(0, stable);
        return JwkSet.of(keys.toArray(TestKey[]::new));
    }

    private static void writeTokens(Path dir, TestKey key, int count) throws IOException {
        Instant now = Instant.now();
        List<String> fresh = java.util.stream.IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> token(key, now, "user-" + i, "fresh-" + i))
                .toList();
        Files.write(dir.resolve("fresh.txt"), fresh, StandardCharsets.US_ASCII);
        // the new tokens of the repeat mix are their own, never in fresh.txt's slices
        List<String> newInMix = java.util.stream.IntStream.range(0, REPEAT_REQUESTS / 10)
                .parallel()
                .mapToObj(i -> token(key, now, "new-user-" + i, "new-" + i))
                .toList();

        SplittableRandom random = new SplittableRandom(17);
        List<String> hot = new ArrayList<>(HOT_TOKENS);
        for (int i = 0; i < HOT_TOKENS; i++) {
            hot.add(token(key, now, "hot-user-" + i, "hot-" + i));
        }
        int freshUsed = 0;
        try (Writer out = Files.newBufferedWriter(dir.resolve("repeat.txt"), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < REPEAT_REQUESTS; i++) {
                boolean repeat = random.nextInt(10) != 0;
                out.write(repeat ? hot.get(random.nextInt(HOT_TOKENS)) : newInMix.get(freshUsed++ % newInMix.size()));
                out.write('\n');
            }
        }

        // unknown kids: the lookup refuses them before any signature is computed, so one fake signature serves
        String payload = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"sub\":\"mallory\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(Duration.ofHours(2)).getEpochSecond() + "}");
        byte[] fake = new byte[256];
        random.nextBytes(fake);
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(fake);
        try (Writer out = Files.newBufferedWriter(dir.resolve("flood.txt"), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < FLOOD_TOKENS; i++) {
                String kid = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
                out.write(b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload + "."
                        + signature);
                out.write('\n');
            }
        }
    }

    private static String token(TestKey key, Instant now, String subject, String jti) {
        return Tokens.accessToken(ISSUER, AUDIENCE, now)
                .typ("JWT")
                .subject(subject)
                .claim("jti", jti)
                .expiresAt(now.plus(Duration.ofHours(2)))
                .signedWith(key, "RS256");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void writePolicy(Path dir, String jwksUri) throws IOException {
        Files.writeString(
                dir.resolve("keyfence.yaml"),
                String.join(
                        "\n",
                        "# written by LoadFixture for benchmarks/load.sh: one issuer, keys over http on 127.0.0.1",
                        "issuers:",
                        "  - name: load",
                        "    issuer: \"" + ISSUER + "\"",
                        "    jwks-uri: \"" + jwksUri + "\"",
                        "    key-scope: enterprise",
                        "resource:",
                        "  audiences: [\"" + AUDIENCE + "\"]",
                        "  accepted-key-scopes: [enterprise]",
                        "  token-types: [\"at+jwt\", \"JWT\"]",
                        "  required-claims: [sub]",
                        "  clock-skew: PT60S",
                        "  max-token-lifetime: PT24H",
                        "keys:",
                        "  retired-grace: PT0S",
                        "  min-rsa-bits: 2048",
                        "jwks:",
                        "  refresh-interval: PT1S", // the rotation phase: the key set changes every second
                        "  min-refetch-interval: PT1S",
                        "  max-stale: PT24H",
                        "  timeout: PT5S",
                        "  allow-http-loopback: true",
                        ""));
        Files.writeString(
                dir.resolve("spring-nimbus.args"),
                String.join(
                                " ",
                                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUri,
                                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE)
                        + "\n");
    }
}
