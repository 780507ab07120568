package dev.keyfence.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Sender-constraint helpers: RFC 9449 DPoP proofs and the {@code cnf} values of bound tokens
 * ({@code jkt}, RFC 8705 {@code x5t#S256}).
 *
 * <pre>{@code
 * String token = Tokens.accessToken(iss, aud, now).claim("cnf", Map.of("jkt", client.thumbprint())).signedWith(idp);
 * String proof = DpopProofs.proof(client, "GET", "https://api.test/api/me", token, now).signedWith(client);
 * }</pre>
 */
public final class DpopProofs {
    private DpopProofs() {}

    /**
     * A DPoP proof builder, ready to sign with {@code key}: header {@code typ=dpop+jwt} and the
     * key's public {@code jwk} (no {@code kid}), claims {@code htm}, {@code htu}, {@code iat},
     * a random {@code jti} and the {@code ath} of the access token.
     */
    public static TokenBuilder proof(TestKey key, String method, String uri, String accessToken, Instant iat) {
        return Tokens.builder()
                .typ("dpop+jwt")
                .withoutKid()
                .header("jwk", key.jwk().withoutKid().toMap())
                .claim("htm", method)
                .claim("htu", uri)
                .issuedAt(iat)
                .claim("jti", UUID.randomUUID().toString())
                .claim("ath", ath(accessToken));
    }

    /** The base64url SHA-256 of the access token's ASCII bytes, as {@code ath} holds it. */
    public static String ath(String accessToken) {
        return sha256(accessToken.getBytes(StandardCharsets.US_ASCII));
    }

    /** The RFC 8705 {@code x5t#S256} of a certificate: base64url SHA-256 of its DER encoding. */
    public static String x5tS256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
