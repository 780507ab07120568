package dev.keyfence.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The strict compact-token parser, its base64url and the fingerprint, at their edges. */
class TokenParserTest {
    static final String HEADER = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}");
    static final String PAYLOAD = b64("{\"iss\":\"https://i.example.test\",\"sub\":\"alice\"}");

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenOfExactlyTheLimitParsesOneByteMoreDoesNot() throws MalformedTokenException {
        String token = HEADER + "." + PAYLOAD + ".AAAA";
        assertThat(TokenParser.parse(token, token.length()).payload()).containsEntry("sub", "alice");
        assertThatThrownBy(() -> TokenParser.parse(token, token.length() - 1)).hasMessageContaining("longer than");
    }

    @Test
    void anyCharacterFromU0080IsNonAscii() {
        assertThatThrownBy(() -> TokenParser.parse(HEADER + "." + PAYLOAD + ".AA\u0080A", 16384))
                .isInstanceOf(MalformedTokenException.class)
                .hasMessage("non-ASCII character");
    }

    @Test
    void anEmptyFirstPartIsAnEmptyHeader() {
        assertThatThrownBy(() -> TokenParser.parse(".e30.AAAA", 16384)).hasMessage("header is empty");
        assertThatThrownBy(() -> TokenParser.parse("..", 16384)).hasMessage("header is empty");
        assertThatThrownBy(() -> TokenParser.parse(HEADER + ".e30.AAAA.", 16384))
                .hasMessage("not three base64url parts");
        assertThatThrownBy(() -> TokenParser.parse("a.b.c.d.e.f", 16384)).hasMessage("not three base64url parts");
        assertThatThrownBy(() -> TokenParser.parse("a.b.c.d.e.f.g", 16384)).hasMessage("too many parts");
    }

    @Test
    void aNonAsciiCharacterIsNamedWhereverItIs() {
        // U+2026 becomes '?' in the parser's byte copy, U+00E9 a negative byte: both are still named as non-ASCII
        for (String token : new String[] {
            HEADER + "." + PAYLOAD + ".AA\u2026A",
            HEADER + "\u0100." + PAYLOAD + ".AAAA",
            "\uFFFF" + HEADER + "." + PAYLOAD + ".AAAA",
            HEADER + "." + PAYLOAD + "\u00e9",
            // JWE and nested tokens: parts that are never decoded
            b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b\u00e9.c.d",
            b64("{\"alg\":\"RS256\",\"cty\":\"JWT\"}") + ".e30.AA\u2026A"
        }) {
            assertThatThrownBy(() -> TokenParser.parse(token, 16384))
                    .as(token)
                    .isInstanceOf(MalformedTokenException.class)
                    .hasMessage("non-ASCII character");
        }
        assertThatThrownBy(() -> TokenParser.parse(HEADER + "." + PAYLOAD + ".AA?A", 16384))
                .hasMessage("signature is not strict base64url");
        assertThatThrownBy(() -> TokenParser.parse(HEADER + "." + PAYLOAD + ".AA==", 16384))
                .hasMessage("signature is not strict base64url");
    }

    @Test
    void aTokenKeptWithoutItsBytesRebuildsTheSameSigningInput() throws MalformedTokenException {
        ParsedToken parsed = TokenParser.parse(HEADER + "." + PAYLOAD + ".AAAA", 16384);
        ParsedToken kept = parsed.withoutBytes();
        assertThat(kept.ascii()).isEqualTo(parsed.ascii());
        assertThat(kept.signingInput()).isEqualTo(parsed.signingInput());
        assertThat(new String(kept.signingInput(), StandardCharsets.US_ASCII)).isEqualTo(HEADER + "." + PAYLOAD);
        assertThat(kept.payload()).isEqualTo(parsed.payload());
        assertThat(kept.fingerprint()).isEqualTo(parsed.fingerprint());
    }

    @Test
    void oneTidParsesTwoDifferingInCaseDoNot() throws MalformedTokenException {
        String one = HEADER + "." + b64("{\"tid\":\"t\"}") + ".AAAA";
        assertThat(TokenParser.parse(one, 16384).claimString("tid")).isEqualTo("t");
        assertThatThrownBy(
                        () -> TokenParser.parse(HEADER + "." + b64("{\"tid\":\"t\",\"TID\":\"u\"}") + ".AAAA", 16384))
                .hasMessageContaining("several tid");
    }

    @Test
    void nonAsciiClaimsAreDecodedAsStrictUtf8() throws MalformedTokenException {
        String token = HEADER + "." + b64("{\"sub\":\"\u00e9l\u00e8ve \uD83D\uDE00\"}") + ".AAAA";
        assertThat(TokenParser.parse(token, 16384).claimString("sub")).isEqualTo("\u00e9l\u00e8ve \uD83D\uDE00");
        String latin1 = HEADER + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"sub\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                + ".AAAA";
        assertThatThrownBy(() -> TokenParser.parse(latin1, 16384)).hasMessageContaining("not UTF-8");
    }

    @Test
    void jweAndNestedTokensAreMarkedWithoutClaims() throws MalformedTokenException {
        ParsedToken jwe = TokenParser.parse(b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d", 16384);
        assertThat(jwe.jwe()).isTrue();
        assertThat(jwe.nested()).isFalse();
        assertThat(jwe.payload()).isEmpty();
        ParsedToken nested = TokenParser.parse(b64("{\"alg\":\"RS256\",\"cty\":\"jwt\"}") + ".e30.AAAA", 16384);
        assertThat(nested.nested()).isTrue();
        assertThat(nested.jwe()).isFalse();
        assertThat(nested.payload()).isEmpty();
        ParsedToken plain = TokenParser.parse(HEADER + "." + PAYLOAD + ".AAAA", 16384);
        assertThat(plain.jwe()).isFalse();
        assertThat(plain.nested()).isFalse();
    }

    @Test
    void theSignatureLayerTakesAnyPayloadBytesButStrictBase64Url() throws MalformedTokenException {
        ParsedToken foo = TokenParser.parseSignatureLayer(HEADER + ".Zm9v.AAAA", 16384);
        assertThat(foo.payload()).isEmpty();
        assertThat(foo.signature()).containsExactly(0, 0, 0);
        assertThat(new String(foo.signingInput(), StandardCharsets.US_ASCII)).isEqualTo(HEADER + ".Zm9v");
        assertThat(TokenParser.parseSignatureLayer(HEADER + "..AAAA", 16384).jwe())
                .isFalse();
        assertThat(TokenParser.parseSignatureLayer(b64("{\"alg\":\"RS256\",\"cty\":\"JWT\"}") + ".Zm9v.AAAA", 16384)
                        .nested())
                .isTrue();
        assertThatThrownBy(() -> TokenParser.parseSignatureLayer(HEADER + ".Zm9vYh.AAAA", 16384))
                .hasMessage("payload is not strict base64url");
        assertThatThrownBy(() -> TokenParser.parseSignatureLayer(HEADER + ".Zm9v.AAA=", 16384))
                .hasMessage("signature is not strict base64url");
        assertThatThrownBy(() -> TokenParser.parseSignatureLayer(b64("[1]") + ".Zm9v.AAAA", 16384))
                .hasMessageContaining("header is not a strict JSON object");
        assertThatThrownBy(() -> TokenParser.parse(HEADER + ".Zm9v.AAAA", 16384))
                .hasMessageContaining("payload is not a strict JSON object");
    }

    @Test
    void base64UrlEdgesDecodeExactly() {
        assertThat(Base64Url.decode("AA", 0, 2)).containsExactly(0);
        assertThat(Base64Url.decode("QQ", 0, 2)).containsExactly('A');
        assertThat(Base64Url.decode("AAA", 0, 3)).containsExactly(0, 0);
        assertThat(Base64Url.decode("QUI", 0, 3)).containsExactly('A', 'B');
        assertThat(Base64Url.decode("QR", 0, 2)).isNull();
        assertThat(Base64Url.decode("QUJ", 0, 3)).isNull();
        assertThat(Base64Url.decode("\u0080\u0080", 0, 2)).isNull();
        assertThat(Base64Url.decode("\u007f\u007fAA", 0, 4)).isNull();
    }

    @Test
    void fingerprintIsTheFirstTwelveHexDigitsOfSha256AndNeverTheToken() throws MalformedTokenException {
        assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf8f01");
        assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf8f01");
        assertThat(Fingerprint.of(null)).isEqualTo("e3b0c44298fc");
        assertThat(Fingerprint.sha256().getAlgorithm()).isEqualTo("SHA-256");
        String token = HEADER + "." + PAYLOAD + ".AAAA";
        ParsedToken parsed = TokenParser.parse(token, 16384);
        assertThat(parsed.fingerprint()).isEqualTo(Fingerprint.of(token)).hasSize(12);
        assertThat(parsed.toString()).contains(Fingerprint.of(token)).doesNotContain(PAYLOAD);
    }
}
