package dev.keyfence.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict base64url: URL alphabet, no padding, no whitespace, canonical trailing bits. */
class Base64UrlTest {

    private static byte[] decode(String s) {
        return Base64Url.decode(s, 0, s.length());
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
    void acceptsUrlAlphabetCharacters() {
        assertThat(decode("-_-_")).isEqualTo(Base64.getUrlDecoder().decode("-_-_"));
    }
}
