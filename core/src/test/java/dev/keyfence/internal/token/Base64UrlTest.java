package dev.keyfence.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict base64url: URL alphabet, no padding, no whitespace, canonical trailing bits. */
class Base64UrlTest {

    /** Both decoders, which must agree on every input: the token's bytes and a string's characters. */
    private static byte[] decode(String s) {
        byte[] fromChars = Base64Url.decode(s, 0, s.length());
        byte[] fromBytes = Base64Url.decode(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, s.length());
        assertThat(fromBytes).as("byte decoder on %s", s).isEqualTo(fromChars);
        return fromChars;
    }

    @Test
    void decodesWhatTheJdkEncodesForEveryLength() {
        Random random = new Random(42);
        for (int len = 0; len < 200; len++) {
            byte[] bytes = new byte[len];
            random.nextBytes(bytes);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(decode(encoded)).as("length %d", len).isEqualTo(bytes);
        }
    }

    @Test
    void decodesARangeInsideALongerString() {
        assertThat(Base64Url.decode("xx.QUJD.yy", 3, 7)).isEqualTo("ABC".getBytes());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "QQ==",
                "QUI=",
                "QQ=",
                "Pz+/",
                "Pz/_",
                "QU JD",
                "QUJD\n",
                " QUJD",
                "QUJD\t",
                "Q",
                "QUJDR",
                "QU\u00e9D",
                "QU.D",
                "QUJ*"
            })
    void rejectsAnythingButStrictBase64url(String s) {
        assertThat(decode(s)).isNull();
    }

    @Test
    void rejectsNonCanonicalTrailingBits() {
        assertThat(decode("QQ")).isEqualTo(new byte[] {'A'});
        assertThat(decode("QR")).isNull();
        assertThat(decode("QUI")).isEqualTo(new byte[] {'A', 'B'});
        assertThat(decode("QUJ")).isNull();
        for (char c : "RSTUVWXYZabcdef".toCharArray()) {
            assertThat(decode("Q" + c)).as("Q%s", c).isNull();
        }
    }

    @Test
    void theByteDecoderDecodesARangeAndRefusesWhatTheJdkWouldLetThrough() {
        byte[] bytes = "xx.QUJD.yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Base64Url.decode(bytes, 3, 7)).isEqualTo("ABC".getBytes());
        // the JDK's URL decoder accepts padding and ignores unused bits; the strict decoder does neither
        assertThat(Base64.getUrlDecoder().decode("QQ==")).containsExactly('A');
        assertThat(Base64.getUrlDecoder().decode("QR")).containsExactly('A');
        for (String lax : new String[] {"QQ==", "QUI=", "QR", "QUJ", "xxQQ=="}) {
            byte[] b = lax.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(Base64Url.decode(b, 0, b.length)).as(lax).isNull();
        }
    }

    /**
     * Random strings over the alphabet plus every byte the JDK's decoder treats specially: the
     * byte decoder (the JDK's, with strictness added) refuses and decodes exactly what the
     * character decoder does.
     */
    @Test
    void bothDecodersAgreeOnRandomInput() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .\n\u00e9\u00ff?";
        Random random = new Random(7);
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int j = 0; j < len; j++) {
                // mostly alphabet, so that many inputs decode
                sb.append(chars.charAt(random.nextInt(random.nextInt(10) == 0 ? chars.length() : 64)));
            }
            if (decode(sb.toString()) != null) {
                decoded++;
            }
        }
        assertThat(decoded).as("inputs that decoded").isBetween(5_000, 45_000);
    }

    @Test
    void acceptsUrlAlphabetCharacters() {
        assertThat(decode("-_-_")).isEqualTo(Base64.getUrlDecoder().decode("-_-_"));
    }
}
