package dev.keyfence.internal.crypto;

import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JWS algorithms Keyfence verifies, with what key each needs and how the JDK verifies it. */
public enum JwsAlgorithm {
    RS256("RSA", null, "SHA256withRSA", null, 0),
    RS384("RSA", null, "SHA384withRSA", null, 0),
    RS512("RSA", null, "SHA512withRSA", null, 0),
    PS256("RSA", null, "RSASSA-PSS", pss("SHA-256", MGF1ParameterSpec.SHA256, 32), 0),
    PS384("RSA", null, "RSASSA-PSS", pss("SHA-384", MGF1ParameterSpec.SHA384, 48), 0),
    PS512("RSA", null, "RSASSA-PSS", pss("SHA-512", MGF1ParameterSpec.SHA512, 64), 0),
    ES256("EC", "P-256", "SHA256withECDSA", null, 32),
    ES384("EC", "P-384", "SHA384withECDSA", null, 48),
    ES512("EC", "P-521", "SHA512withECDSA", null, 66),
    EdDSA("OKP", "Ed25519", "Ed25519", null, 0),
    HS256("oct", null, "HmacSHA256", null, 0),
    HS384("oct", null, "HmacSHA384", null, 0),
    HS512("oct", null, "HmacSHA512", null, 0);

    private static final Map<String, JwsAlgorithm> BY_NAME;

    static {
        Map<String, JwsAlgorithm> m = new java.util.HashMap<>();
        for (JwsAlgorithm a : values()) {
            m.put(a.name(), a);
        }
        BY_NAME = Map.copyOf(m);
    }

    private final String keyType;
    private final @Nullable String curve;
    private final String jcaName;
    private final @Nullable PSSParameterSpec pss;
    private final int ecFieldBytes;

    JwsAlgorithm(
            String keyType, @Nullable String curve, String jcaName, @Nullable PSSParameterSpec pss, int ecFieldBytes) {
        this.keyType = keyType;
        this.curve = curve;
        this.jcaName = jcaName;
        this.pss = pss;
        this.ecFieldBytes = ecFieldBytes;
    }

    private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
        return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, 1);
    }

    /** The algorithm of that exact (case-sensitive) name, or null. */
    public static @Nullable JwsAlgorithm byName(@Nullable String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** The JWK {@code kty} this algorithm needs. */
    public String keyType() {
        return keyType;
    }
    /** The curve this algorithm needs, or null. */
    public @Nullable String curve() {
        return curve;
    }

    public String jcaName() {
        return jcaName;
    }

    public @Nullable PSSParameterSpec pssParameters() {
        return pss;
    }
    /** Bytes of one ECDSA coordinate (r or s) in the JOSE encoding; 0 for other algorithms. */
    public int ecFieldBytes() {
        return ecFieldBytes;
    }

    public boolean symmetric() {
        return "oct".equals(keyType);
    }
}
