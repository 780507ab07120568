package dev.keyfence.internal.binding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** RFC 8705 section 3.1: the {@code x5t#S256} of a certificate, base64url SHA-256 of its DER encoding. */
public final class CertificateThumbprint {
    private CertificateThumbprint() {}

    /** The base64url (unpadded) SHA-256 of the certificate's DER encoding, or null if it cannot be encoded. */
    public static @Nullable String of(X509Certificate certificate) {
        try {
            return Sha256.base64Url(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    /** SHA-256 helpers. */
    static final class Sha256 {
        private Sha256() {}

        static String base64Url(byte[] data) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }
    }

    /** Compares two thumbprints in time independent of where they differ. */
    public static boolean same(@Nullable String expected, @Nullable String actual) {
        return expected != null
                && actual != null
                && MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
