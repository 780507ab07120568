package dev.keyfence.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints X.509 v3 certificates with chosen validity windows, as identity providers publish in
 * a JWK's {@code x5c}. Uses the JDK's providers; registers no security provider.
 */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    /**
     * A self-signed certificate for a key pair.
     *
     * <p>Validity instants are stored with whole-second precision (X.509 time), so
     * sub-second parts of {@code notBefore}/{@code notAfter} are dropped.
     *
     * @param keyPair   RSA (SHA256withRSA), EC (SHA256withECDSA) or Ed25519 key pair
     * @param commonName subject and issuer CN
     * @param notBefore  start of validity
     * @param notAfter   end of validity
     * @return the certificate
     */
    public static X509Certificate selfSigned(KeyPair keyPair, String commonName, Instant notBefore, Instant notAfter) {
        return issue(keyPair.getPublic(), commonName, notBefore, notAfter, keyPair.getPrivate(), commonName);
    }

    /**
     * A certificate for {@code subjectKey}, signed by {@code issuerKey} (for chains).
     *
     * @param subjectKey the certified public key
     * @param subjectCn  subject CN
     * @param notBefore  start of validity
     * @param notAfter   end of validity
     * @param issuerKey  the signing private key (RSA, EC or Ed25519)
     * @param issuerCn   issuer CN
     * @return the certificate
     */
    public static X509Certificate issue(
            PublicKey subjectKey,
            String subjectCn,
            Instant notBefore,
            Instant notAfter,
            PrivateKey issuerKey,
            String issuerCn) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name(issuerCn),
                    new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                    Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                    name(subjectCn),
                    subjectKey);
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint certificate for " + subjectCn, e);
        }
    }

    /**
     * The DER encoding in standard base64 with padding, as a JWK {@code x5c} entry holds it.
     *
     * @param certificate the certificate
     * @return base64 DER
     */
    public static String base64Der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("no certificate signature for " + key.getAlgorithm());
        };
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }
}
