package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CertificatesTest {

    private static final Instant NB = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NA = Instant.parse("2030-01-01T00:00:00Z");

    static Stream<Object[]> keys() {
        return Stream.of(
                new Object[] {TestKey.rsa("r"), "SHA256withRSA"},
                new Object[] {TestKey.ec("e", "P-384"), "SHA256withECDSA"},
                new Object[] {TestKey.ed25519("o"), "Ed25519"});
    }

    @ParameterizedTest
    @MethodSource("keys")
    void selfSignedWithRequestedValidity(TestKey key, String sigAlg) throws Exception {
        X509Certificate cert = Certificates.selfSigned(key.keyPair(), "test-cn", NB, NA.plusMillis(750));
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=test-cn");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NB);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NA);
        assertThat(cert.getSigAlgName()).isEqualToIgnoringCase(sigAlg);
        cert.verify(key.publicKey());
    }

    @Test
    void base64DerRoundTrips() throws Exception {
        X509Certificate cert = Certificates.selfSigned(TestKey.rsa("r").keyPair(), "x", NB, NA);
        String b64 = Certificates.base64Der(cert);
        assertThat(b64).doesNotContain("-", "_", "\n");
        X509Certificate back = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
        assertThat(back).isEqualTo(cert);
    }

    @Test
    void issuedByAnotherKey() throws Exception {
        TestKey ca = TestKey.ec("ca", "P-256");
        TestKey leaf = TestKey.rsa("leaf");
        X509Certificate cert = Certificates.issue(leaf.publicKey(), "leaf", NB, NA, ca.privateKey(), "ca");
        assertThat(cert.getIssuerX500Principal().getName()).isEqualTo("CN=ca");
        assertThat(cert.getPublicKey()).isEqualTo(leaf.publicKey());
        cert.verify(ca.publicKey());
    }
}
