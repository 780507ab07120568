package dev.keyfence.internal.fuzz;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeySource;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.internal.json.Json;
import dev.keyfence.internal.keys.JwkSetReader;
import dev.keyfence.internal.keys.KeySetException;
import dev.keyfence.internal.token.MalformedTokenException;
import dev.keyfence.internal.token.ParsedToken;
import dev.keyfence.internal.token.TokenParser;
import dev.keyfence.json.JsonException;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The fuzz targets with their properties; each throws {@link AssertionError} on a broken property
 * and lets any unexpected exception out, which is what the fuzzer reports. Shared by the Jazzer
 * {@code @FuzzTest}s ({@link KeyfenceFuzzTest}) and the bounded run in the test command
 * ({@link BoundedFuzzTest}).
 */
final class FuzzTargets {
    static final String ISS = "https://login.fuzz.example.test/v2.0";
    static final String AUD = "api://fuzz";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    /** The keys the policy trusts: the oracle holds their private keys. */
    static final List<TestKey> TRUSTED = List.of(TestKey.rsa("r1"), TestKey.ec("e1", "P-256"), TestKey.ed25519("d1"));
    /** Keys an attacker holds: same kids, other key material, and an HMAC secret made of a trusted public key. */
    static final List<TestKey> UNTRUSTED = List.of(
            TestKey.rsa("r1").fresh(),
            TestKey.ec("e1", "P-256").fresh(),
            TestKey.ed25519("d1").fresh(),
            TestKey.hmac("r1", TRUSTED.get(0).publicKey().getEncoded()),
            TestKey.rsa("r1", 1024),
            TestKey.ec("e1", "P-384"));

    static final TokenValidator VALIDATOR = TokenValidator.create(ValidationPolicy.builder()
            .issuer(TrustedIssuer.builder()
                    .name("fuzz")
                    .issuer(ISS)
                    .keySource(KeySource.jwks(
                            JwkSet.of(TRUSTED.toArray(new TestKey[0])).toJson()))
                    .keyScope("enterprise")
                    .build())
            .resource(ResourcePolicy.builder()
                    .audiences(AUD)
                    .acceptedKeyScopes("enterprise")
                    .tokenTypes("at+jwt", "JWT", "")
                    .build())
            .clock(MutableClock.at(NOW))
            .build());

    private static final List<String> ALGS =
            List.of("RS256", "PS256", "ES256", "EdDSA", "HS256", "none", "RS384", "ES384", "rs256", "NONE", "");
    private static final List<String> KIDS = List.of("r1", "e1", "d1", "", "r1 ", "R1");
    private static final List<String> ISSUERS = List.of(
            ISS,
            ISS + "/",
            "https://login.fuzz.example.test/v2.0#",
            "https://evil.example.test/v2.0",
            "HTTPS://LOGIN.FUZZ.EXAMPLE.TEST/v2.0");
    private static final List<String> HEADERS = List.of("jku", "x5u", "jwk", "x5c", "crit", "b64", "cty", "zip", "typ");

    private FuzzTargets() {}

    /** The token parser: a token or MalformedTokenException, the same twice; the signing input is what was signed. */
    static void tokenParser(byte[] data) {
        String token = new String(data, StandardCharsets.ISO_8859_1);
        String first = parseOutcome(token);
        check(first.equals(parseOutcome(token)), "token parser is not deterministic");
        try {
            ParsedToken t = TokenParser.parse(token, 16 * 1024);
            if (!t.jwe() && !t.nested()) {
                byte[] in = t.signingInput();
                check(
                        token.startsWith(new String(in, StandardCharsets.US_ASCII) + "."),
                        "signing input is not the token's prefix");
            }
        } catch (MalformedTokenException expected) {
            // a refusal is a fine outcome
        }
        try {
            TokenParser.parseSignatureLayer(token, 16 * 1024);
        } catch (MalformedTokenException expected) {
            // a refusal is a fine outcome
        }
    }

    private static String parseOutcome(String token) {
        try {
            ParsedToken t = TokenParser.parse(token, 16 * 1024);
            return "ok " + t.header() + t.payload() + Arrays.toString(t.signature());
        } catch (MalformedTokenException e) {
            return "refused " + e.getMessage();
        }
    }

    /** The JSON parser: a value or JsonException, never anything else; the same twice. */
    static void json(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Object first = jsonOutcome(text);
        check(Objects.equals(first, jsonOutcome(text)), "JSON parser is not deterministic");
    }

    private static Object jsonOutcome(String text) {
        try {
            return Json.parse(text);
        } catch (JsonException e) {
            return "refused " + e.getMessage();
        }
    }

    /** The JWK set reader: keys or KeySetException; every kept key is public and usable. */
    static void jwkSet(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            JwkSetReader.Result r = JwkSetReader.read(text);
            for (var k : r.keys()) {
                check(k.key() != null, "a kept key without key material");
                check(!(k.key() instanceof java.security.PrivateKey), "a private key was kept");
            }
        } catch (KeySetException refused) {
            // a refusal is a fine outcome
        }
    }

    /** The YAML configuration: a configuration or a ConfigurationException naming a setting. */
    static void yaml(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            KeyfenceConfig.parse(text, Path.of("target/fuzz-nonexistent"));
        } catch (ConfigurationException e) {
            check(e.setting() != null && !e.setting().isEmpty(), "a configuration error names no setting");
        }
    }

    /** validate() on arbitrary text: never throws, never accepts, the same verdict twice. */
    static void validateRaw(byte[] data) {
        String token = new String(data, StandardCharsets.ISO_8859_1);
        Verdict first = VALIDATOR.validate(token);
        check(first instanceof Verdict.Rejected, "accepted a token no trusted key signed");
        check(same(first, VALIDATOR.validate(token)), "validate() is not deterministic");
    }

    /**
     * validate() on tokens built from the input: header, claims and signer chosen by the fuzzer,
     * optionally mutated after signing. Accepted only if a trusted key signed exactly these bytes
     * (the oracle: it made every signature itself); never throws; the same verdict twice.
     */
    static void validate(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        TokenBuilder b = Tokens.builder();
        String alg = in.pick(ALGS);
        if (!alg.isEmpty()) {
            b = b.alg(alg);
        }
        int kidChoice = in.nextInt(KIDS.size() + 2);
        if (kidChoice < KIDS.size()) {
            b = b.kid(KIDS.get(kidChoice));
        } else if (kidChoice == KIDS.size()) {
            b = b.withoutKid();
        } else {
            b = b.kid(in.nextString(8));
        }
        if (in.nextBoolean()) {
            b = b.typ(in.pick(List.of("at+jwt", "JWT", "application/at+jwt", "id_token", "jwt", "")));
        }
        if (in.nextInt(4) == 0) {
            b = b.header(in.pick(HEADERS), in.nextBoolean() ? in.nextString(6) : List.of("exp"));
        }
        b = b.issuer(in.nextInt(8) < 6 ? ISS : in.pick(ISSUERS));
        b = b.audience(in.nextInt(8) < 6 ? AUD : in.nextString(10));
        b = b.subject("alice");
        long iat = NOW.getEpochSecond() - in.nextInt(7200) + 3600;
        b = b.issuedAt(Instant.ofEpochSecond(iat)).expiresAt(Instant.ofEpochSecond(iat + in.nextInt(200_000) - 1000));
        if (in.nextInt(4) == 0) {
            b = b.notBefore(Instant.ofEpochSecond(NOW.getEpochSecond() + in.nextInt(7200) - 3600));
        }
        if (in.nextInt(4) == 0) {
            b = b.claim(
                    in.pick(List.of("exp", "iat", "nbf", "aud", "iss", "tid", "x", "cnf")),
                    in.nextBoolean() ? in.nextString(6) : (Object) (long) in.nextInt(100));
        }
        boolean trustedSigner = in.nextInt(3) > 0;
        List<TestKey> pool = trustedSigner ? TRUSTED : UNTRUSTED;
        TestKey signer = pool.get(in.nextInt(pool.size()));
        String signingAlg = alg.isEmpty() || in.nextInt(4) == 0 ? signer.defaultAlg() : alg;
        String token;
        boolean signedByTrustedKey;
        if (alg.equalsIgnoreCase("none") && in.nextBoolean()) {
            token = b.unsigned();
            signedByTrustedKey = false;
        } else {
            try {
                token = b.signedWith(signer, signingAlg);
                signedByTrustedKey = trustedSigner;
            } catch (IllegalStateException | IllegalArgumentException cannotSign) {
                token = b.withSignature(in.nextString(80).getBytes(StandardCharsets.ISO_8859_1));
                signedByTrustedKey = false;
            }
        }
        String sent = mutate(token, in);
        boolean untouched = sent.equals(token);
        Verdict first = VALIDATOR.validate(sent);
        if (first instanceof Verdict.Accepted) {
            check(signedByTrustedKey && untouched, "accepted a token whose signature no trusted key made");
        }
        check(same(first, VALIDATOR.validate(sent)), "validate() is not deterministic");
    }

    private static String mutate(String token, FuzzInput in) {
        int rounds = in.nextInt(4);
        StringBuilder s = new StringBuilder(token);
        for (int i = 0; i < rounds && s.length() > 0; i++) {
            int at = in.nextInt(s.length());
            switch (in.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << in.nextInt(7))));
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, (char) in.nextByte());
                case 3 -> s.setLength(at);
                default -> s.append(in.nextString(8));
            }
        }
        return s.toString();
    }

    private static boolean same(Verdict a, Verdict b) {
        if (a instanceof Verdict.Rejected ra && b instanceof Verdict.Rejected rb) {
            return ra.reason() == rb.reason();
        }
        return a instanceof Verdict.Accepted && b instanceof Verdict.Accepted;
    }

    private static void check(boolean property, String what) {
        if (!property) {
            throw new AssertionError(what);
        }
    }
}
