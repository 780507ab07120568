package dev.keyfence.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes raw JWS signatures with plain JCA, exactly as RFC 7518 encodes them. */
final class JwsSigner {

    private JwsSigner() {}

    /** Signs with the key's private key or secret; ES* give the fixed-length r||s form. */
    static byte[] sign(String alg, TestKey key, String signingInput) {
        if (alg.startsWith("HS")) {
            return hmac(alg, key.secret(), signingInput);
        }
        return signAsymmetric(alg, key.privateKey(), signingInput);
    }

    static byte[] hmac(String alg, byte[] secret, String signingInput) {
        String mac = switch (alg) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException("not an HMAC alg: " + alg);
        };
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(secret, mac));
            return m.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + alg, e);
        }
    }

    static byte[] signAsymmetric(String alg, PrivateKey key, String signingInput) {
        try {
            Signature s = signature(alg, false);
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + alg + " with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** An ECDSA signature in ASN.1 DER (what JCA produces, not what JOSE wants). */
    static byte[] derEcdsa(String alg, PrivateKey key, String signingInput) {
        try {
            Signature s = signature(alg, true);
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute DER " + alg, e);
        }
    }

    /** A JCA {@link Signature} for a JWS alg; for ES*, DER or fixed-length (P1363) output. */
    static Signature signature(String alg, boolean derEcdsa) throws GeneralSecurityException {
        String ecFormat = derEcdsa ? "" : "inP1363Format";
        return switch (alg) {
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "RS384" -> Signature.getInstance("SHA384withRSA");
            case "RS512" -> Signature.getInstance("SHA512withRSA");
            case "PS256" -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case "PS384" -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case "PS512" -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case "ES256" -> Signature.getInstance("SHA256withECDSA" + ecFormat);
            case "ES384" -> Signature.getInstance("SHA384withECDSA" + ecFormat);
            case "ES512" -> Signature.getInstance("SHA512withECDSA" + ecFormat);
            case "EdDSA", "Ed25519" -> Signature.getInstance("Ed25519");
            default -> throw new IllegalArgumentException("unsupported alg for signing: " + alg);
        };
    }

    private static Signature pss(String digest, MGF1ParameterSpec mgf, int saltLength) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, saltLength, 1));
        return s;
    }
}
