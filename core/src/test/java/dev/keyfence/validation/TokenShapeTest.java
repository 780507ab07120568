package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.RawJson;
import dev.keyfence.testkit.TokenBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MALFORMED_TOKEN: the token's shape, strict base64url, strict JSON objects, size; and validate() never throws. */
class TokenShapeTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);
    private final TokenValidator validator = Fixture.validator(policy);
    /** Only the token shape runs: parsing is what rejects. */
    private final TokenValidator shapeOnly = TokenValidator.create(
            policy.toBuilder().controls(java.util.Set.of()).build());

    private String valid() {
        return f.token().signedWith(Fixture.RSA);
    }

    private void assertMalformed(String token) {
        assertRejected(validator.validate(token), Reason.MALFORMED_TOKEN);
        assertRejected(shapeOnly.validate(token), Reason.MALFORMED_TOKEN);
    }

    @Test
    void acceptsWellFormedToken() {
        assertAccepted(validator.validate(valid()));
        assertThat(shapeOnly.validate(valid()).valid()).isTrue();
    }

    @Test
    void rejectsNull() {
        assertMalformed(null);
    }

    @Test
    void rejectsEmpty() {
        assertMalformed("");
    }

    @Test
    void rejectsTenMegabyteToken() {
        String part = "A".repeat(10 * 1024 * 1024 / 3);
        assertMalformed(part + "." + part + "." + part);
    }

    @Test
    void rejectsTokenJustOverTheSizeLimit() {
        String big = f.token()
                .claim("pad", "x".repeat(ValidationPolicy.DEFAULT_MAX_TOKEN_BYTES))
                .signedWith(Fixture.RSA);
        assertMalformed(big);
        String fits = f.token().claim("pad", "x".repeat(1000)).signedWith(Fixture.RSA);
        assertAccepted(validator.validate(fits));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 6})
    void rejectsWrongNumberOfParts(int parts) {
        String[] three = valid().split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            sb.append(i == 0 ? "" : ".").append(three[i % 3]);
        }
        assertMalformed(sb.toString());
    }

    @Test
    void rejectsPaddingInSignature() {
        // a 2048-bit RSA signature is 256 bytes: the padded form ends in "=="
        assertMalformed(valid() + "==");
    }

    @Test
    void rejectsPaddingInHeader() {
        String token = null;
        for (int n = 0; token == null; n++) {
            TokenBuilder b = f.token().kid(Fixture.RSA.kid()).header("x", "y".repeat(n));
            String headerJson = b.headerJson("RS256", null);
            if (headerJson.length() % 3 != 0) {
                String signed = b.signedWith(Fixture.RSA);
                String padded = Base64.getUrlEncoder().encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
                assertThat(padded).endsWith("=");
                token = padded + signed.substring(signed.indexOf('.'));
            }
        }
        assertMalformed(token);
    }

    @Test
    void rejectsStandardAlphabetPlusAndSlash() {
        String token = valid();
        int sig = token.lastIndexOf('.') + 1;
        String standard =
                token.substring(0, sig) + token.substring(sig).replace('-', '+').replace('_', '/');
        assertThat(standard).isNotEqualTo(token);
        assertMalformed(standard);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t"})
    void rejectsWhitespaceInsideAPart(String ws) {
        String token = valid();
        int mid = token.indexOf('.') + 5;
        assertMalformed(token.substring(0, mid) + ws + token.substring(mid));
        assertMalformed(token + ws);
        assertMalformed(ws + token);
    }

    @Test
    void rejectsNonCanonicalTrailingBits() {
        String token = valid();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // 256 signature bytes leave 4 unused low bits in the last character
        assertThat((token.length() - token.lastIndexOf('.') - 1) % 4).isEqualTo(2);
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String altered = token.substring(0, token.length() - 1) + alphabet.charAt(last | 1);
        assertThat(Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
                .as("a lenient decoder reads the same bytes")
                .isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));
        assertMalformed(altered);
    }

    @Test
    void rejectsHeaderThatIsNotAJsonObject() {
        assertMalformed(f.token().rawHeader("[\"RS256\"]").signedWith(Fixture.RSA));
        assertMalformed(f.token().rawHeader("\"RS256\"").signedWith(Fixture.RSA));
        assertMalformed(f.token().rawHeader("{\"alg\":\"RS256\"").signedWith(Fixture.RSA));
    }

    @Test
    void rejectsPayloadThatIsNotAJsonObject() {
        assertMalformed(f.token().rawPayload("[1,2]").signedWith(Fixture.RSA));
        assertMalformed(f.token().rawPayload("{\"sub\":\"a\"} x").signedWith(Fixture.RSA));
    }

    @Test
    void rejectsDuplicateAlgMemberInRawHeader() {
        String token = f.token()
                .rawHeader("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"alg\":\"none\"}")
                .signedWith(Fixture.RSA, "RS256");
        assertMalformed(token);
    }

    @Test
    void rejectsDuplicateClaimInRawPayload() {
        String payload = f.token().payloadJson();
        String dup = payload.substring(0, payload.length() - 1) + ",\"aud\":\"api://other\"}";
        assertMalformed(f.token().rawPayload(dup).signedWith(Fixture.RSA));
    }

    @Test
    void rejectsTwoTenantClaimsDifferingInCase() {
        assertMalformed(f.token().claim("tid", "a").claim("TID", "b").signedWith(Fixture.RSA));
    }

    @Test
    void rejectsTenThousandDeepJsonNesting() {
        ValidationPolicy roomy = ValidationPolicy.builder()
                .issuer(policy.issuers().get(0))
                .resource(policy.resource())
                .maxTokenBytes(1024 * 1024)
                .clock(f.clock)
                .build();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String token = f.token().claim("deep", RawJson.of(deep)).signedWith(Fixture.RSA);
        assertThat(token.length()).isLessThan(1024 * 1024);
        assertRejected(TokenValidator.create(roomy).validate(token), Reason.MALFORMED_TOKEN);
        String deepHeader = "{\"alg\":\"RS256\",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        assertRejected(
                TokenValidator.create(roomy)
                        .validate(f.token().rawHeader(deepHeader).signedWith(Fixture.RSA)),
                Reason.MALFORMED_TOKEN);
    }

    @Test
    void rejectsHeaderThatIsNotUtf8() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        String token = valid();
        assertMalformed(header + token.substring(token.indexOf('.')));
    }

    @Test
    void rejectsNonAsciiCharacters() {
        String token = valid();
        assertMalformed(token.substring(0, 10) + "\u00e9" + token.substring(11));
    }

    @Test
    void neverThrowsOnSeededRandomBinaryGarbage() {
        Random random = new Random(20250301L);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(600)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) random.nextInt(i % 2 == 0 ? 0x10000 : 128);
            }
            Verdict v = validator.validate(new String(chars));
            assertThat(v.valid()).isFalse();
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int i = 0; i < 2_000; i++) {
            byte[][] parts = new byte[3][];
            for (int p = 0; p < 3; p++) {
                parts[p] = new byte[random.nextInt(200)];
                random.nextBytes(parts[p]);
            }
            String token = b64.encodeToString(parts[0]) + "." + b64.encodeToString(parts[1]) + "."
                    + b64.encodeToString(parts[2]);
            assertRejected(validator.validate(token), Reason.MALFORMED_TOKEN);
        }
    }

    @Test
    void neverAcceptsOrThrowsOnMutatedValidTokens() {
        String token = valid();
        Random random = new Random(7L);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        for (int i = 0; i < 3_000; i++) {
            char[] t = token.toCharArray();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                t[random.nextInt(t.length)] = chars.charAt(random.nextInt(chars.length()));
            }
            String mutated = new String(t);
            if (!mutated.equals(token)) {
                assertThat(validator.validate(mutated).valid())
                        .as("mutation %d", i)
                        .isFalse();
            }
        }
    }
}
