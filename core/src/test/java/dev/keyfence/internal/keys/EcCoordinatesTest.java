package dev.keyfence.internal.keys;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An EC JWK's coordinates may be at most the curve's coordinate size (RFC 7518 6.2.1.2-3). */
class EcCoordinatesTest {
    private static String octets(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[n]);
    }

    private static Map<String, Object> ec(String crv, String x, String y) {
        Map<String, Object> m = new HashMap<>();
        m.put("kty", "EC");
        m.put("crv", crv);
        m.put("x", x);
        m.put("y", y);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"P-256,32", "P-384,48", "P-521,66"})
    void coordinatesOfTheCurveSizeOrShorterPass(String crv, int size) {
        assertThatCode(() -> EcCoordinates.check(ec(crv, octets(size), octets(size))))
                .doesNotThrowAnyException();
        assertThatCode(() -> EcCoordinates.check(ec(crv, octets(size - 1), octets(size))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"P-256,32", "P-384,48", "P-521,66"})
    void aLongerCoordinateIsRefused(String crv, int size) {
        assertThatThrownBy(() -> EcCoordinates.check(ec(crv, octets(size + 1), octets(size))))
                .isInstanceOf(KeySetException.class)
                .hasMessageContaining("EC coordinate x is longer than " + size + " octets");
        assertThatThrownBy(() -> EcCoordinates.check(ec(crv, octets(size), octets(size + 1))))
                .isInstanceOf(KeySetException.class)
                .hasMessageContaining("EC coordinate y is longer than " + size + " octets");
    }

    @Test
    void aCoordinateThatIsNotBase64urlOrNotAStringIsRefused() {
        assertThatThrownBy(() -> EcCoordinates.check(ec("P-256", "*not*base64*", octets(32))))
                .isInstanceOf(KeySetException.class);
        Map<String, Object> noY = ec("P-256", octets(32), octets(32));
        noY.put("y", 7L);
        assertThatThrownBy(() -> EcCoordinates.check(noY))
                .isInstanceOf(KeySetException.class)
                .hasMessage("EC key without a string y");
    }

    @Test
    void otherKeyTypesAndUnknownCurvesAreLeftToTheReader() {
        Map<String, Object> rsa = ec("P-256", octets(99), octets(99));
        rsa.put("kty", "RSA");
        assertThatCode(() -> EcCoordinates.check(rsa)).doesNotThrowAnyException();
        assertThatCode(() -> EcCoordinates.check(ec("secp256k1", octets(99), octets(99))))
                .doesNotThrowAnyException();
    }
}
