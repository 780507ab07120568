package dev.keyfence.internal.drill;

/**
 * What the shadow copies of one issuer's real keys: the algorithm (hence kty and curve), whether
 * keys carry an {@code issuer} member, whether they carry a validity window, and where that was
 * learned ({@code declared} for what the configuration says, {@code jwks-file} for a local set).
 */
record KeyShape(String alg, boolean issuerMember, boolean windowed, String learnedFrom) {

    /** kty, size or curve, for notes: {@code RSA-2048}, {@code EC P-256}, {@code OKP Ed25519}. */
    String describe(int rsaBits) {
        if (alg.startsWith("RS") || alg.startsWith("PS")) {
            return alg + " RSA-" + rsaBits;
        }
        if (alg.startsWith("ES")) {
            return alg + " EC " + ShadowKey.curveOf(alg);
        }
        return alg + " OKP Ed25519";
    }
}
