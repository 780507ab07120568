package dev.keyfence.internal.binding;

import dev.keyfence.RequestContext;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.crypto.SignatureVerifier;
import dev.keyfence.internal.token.MalformedTokenException;
import dev.keyfence.internal.token.NumericDate;
import dev.keyfence.internal.token.ParsedToken;
import dev.keyfence.internal.token.TokenParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * Checks one DPoP proof (RFC 9449 section 4.3) for one request and access token: a single
 * well-formed {@code dpop+jwt} signed with an asymmetric algorithm by the public key in its
 * {@code jwk} header, whose {@code htm}, {@code htu}, {@code iat} and {@code ath} fit the request
 * and token, and whose {@code jti} was not used before. Never throws for any input.
 */
public final class DpopProofVerifier {
    /** How old a proof may be (its {@code iat}), beyond the resource's clock skew. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** The largest proof read. */
    public static final int MAX_PROOF_BYTES = 8 * 1024;

    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    private final ProofReplayCache replay;

    /** A verifier recording proof identifiers in {@code replay}. */
    public DpopProofVerifier(ProofReplayCache replay) {
        this.replay = replay;
    }

    /** The outcome: the RFC 7638 thumbprint of the proof key, or why the proof is refused (fixed text). */
    public record Outcome(
            @Nullable String keyThumbprint, @Nullable String problem) {
        static Outcome refused(String problem) {
            return new Outcome(null, problem);
        }
    }

    /**
     * Verifies the request's proof for the access token; the proof's {@code jti} is recorded only
     * when every other rule passed and {@code expectedThumbprint} is the proof key's thumbprint.
     */
    public Outcome verify(
            RequestContext request,
            ParsedToken accessToken,
            String expectedThumbprint,
            Instant now,
            Duration skew,
            int minRsaBits) {
        List<String> proofs = request.dpopProofs();
        if (proofs.isEmpty()) {
            return Outcome.refused("the token is bound to a DPoP key and the request carries no DPoP proof");
        }
        if (proofs.size() > 1) {
            return Outcome.refused("the request carries more than one DPoP proof");
        }
        ParsedToken proof;
        try {
            proof = TokenParser.parse(proofs.get(0), MAX_PROOF_BYTES);
        } catch (MalformedTokenException e) {
            return Outcome.refused("the DPoP proof is not a well-formed JWS: " + e.getMessage());
        }
        if (proof.jwe() || proof.nested()) {
            return Outcome.refused("the DPoP proof is not a signed JWT");
        }
        if (!"dpop+jwt".equals(proof.headerString("typ"))) {
            return Outcome.refused("the DPoP proof's typ is not dpop+jwt");
        }
        JwsAlgorithm alg = JwsAlgorithm.byName(proof.headerString("alg"));
        if (alg == null || alg.symmetric()) {
            return Outcome.refused("the DPoP proof's alg is not a supported asymmetric algorithm");
        }
        if (proof.header().containsKey("crit")) {
            return Outcome.refused("the DPoP proof carries crit");
        }
        if (!(proof.header().get("jwk") instanceof Map<?, ?> jwkMembers)) {
            return Outcome.refused("the DPoP proof has no jwk header");
        }
        KeyOutcome key = key(jwkMembers, alg, minRsaBits);
        PublicJsonWebKey jwk = key.jwk();
        String thumbprint = key.thumbprint();
        if (jwk == null || thumbprint == null) {
            return Outcome.refused(Objects.requireNonNullElse(key.problem(), "the DPoP proof's jwk is not usable"));
        }
        if (!SignatureVerifier.verify(
                alg, jwk.getPublicKey(), proof.ascii(), proof.signingInputLength(), proof.signature())) {
            return Outcome.refused("the DPoP proof's signature does not verify with its jwk");
        }
        String claimsProblem = claims(proof, request, accessToken, now, skew);
        if (claimsProblem != null) {
            return Outcome.refused(claimsProblem);
        }
        if (!CertificateThumbprint.same(expectedThumbprint, thumbprint)) {
            return Outcome.refused("the DPoP proof's key is not the key the token is bound to (cnf.jkt)");
        }
        // claims() refused a proof without a string jti
        if (!replay.firstUse(thumbprint, Objects.requireNonNull(proof.claimString("jti")))) {
            return Outcome.refused("the DPoP proof was used before (jti replayed)");
        }
        return new Outcome(thumbprint, null);
    }

    private record KeyOutcome(
            @Nullable PublicJsonWebKey jwk,
            @Nullable String thumbprint,
            @Nullable String problem) {}

    @SuppressWarnings("unchecked")
    private static KeyOutcome key(Map<?, ?> members, JwsAlgorithm alg, int minRsaBits) {
        for (String secret : PRIVATE_MEMBERS) {
            if (members.containsKey(secret)) {
                return new KeyOutcome(null, null, "the DPoP proof's jwk carries private key material");
            }
        }
        PublicJsonWebKey jwk;
        String thumbprint;
        try {
            jwk = PublicJsonWebKey.Factory.newPublicJwk((Map<String, Object>) members);
            thumbprint = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (JoseException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            return new KeyOutcome(null, null, "the DPoP proof's jwk is not a usable public key");
        }
        if (!alg.keyType().equals(jwk.getKeyType())) {
            return new KeyOutcome(null, null, "the DPoP proof's jwk does not fit its alg");
        }
        if (jwk instanceof RsaJsonWebKey rsa) {
            RSAPublicKey pub = rsa.getRsaPublicKey();
            if (pub.getModulus().bitLength() < minRsaBits) {
                return new KeyOutcome(null, null, "the DPoP proof's RSA key is under " + minRsaBits + " bits");
            }
        } else if (jwk instanceof EllipticCurveJsonWebKey ec) {
            if (!Objects.equals(alg.curve(), ec.getCurveName())) {
                return new KeyOutcome(null, null, "the DPoP proof's jwk does not fit its alg");
            }
        } else if (!(jwk instanceof OctetKeyPairJsonWebKey okp) || !Objects.equals(alg.curve(), okp.getSubtype())) {
            return new KeyOutcome(null, null, "the DPoP proof's jwk does not fit its alg");
        }
        return new KeyOutcome(jwk, thumbprint, null);
    }

    private static @Nullable String claims(
            ParsedToken proof, RequestContext request, ParsedToken accessToken, Instant now, Duration skew) {
        String jti = proof.claimString("jti");
        if (jti == null || jti.isEmpty() || jti.length() > 256) {
            return "the DPoP proof has no usable jti";
        }
        String htm = proof.claimString("htm");
        if (htm == null
                || request.method().isEmpty()
                || !htm.equals(request.method().get())) {
            return "the DPoP proof's htm is not the request method";
        }
        String htu = proof.claimString("htu");
        if (htu == null
                || request.uri().isEmpty()
                || !sameTarget(htu, request.uri().get())) {
            return "the DPoP proof's htu is not the request URI";
        }
        Instant iat = NumericDate.of(proof.payload().get("iat"));
        if (iat == null) {
            return "the DPoP proof has no numeric iat";
        }
        if (iat.isAfter(now.plus(skew))) {
            return "the DPoP proof was issued in the future";
        }
        if (iat.isBefore(now.minus(MAX_AGE).minus(skew))) {
            return "the DPoP proof is older than " + MAX_AGE.getSeconds() + " seconds";
        }
        String ath = proof.claimString("ath");
        if (ath == null
                || !CertificateThumbprint.same(CertificateThumbprint.Sha256.base64Url(accessToken.ascii()), ath)) {
            return "the DPoP proof's ath is not the hash of the access token";
        }
        return null;
    }

    /** RFC 9449 section 4.3 item 9: same scheme, host, port and path; query and fragment ignored. */
    static boolean sameTarget(String htu, URI request) {
        URI proof;
        try {
            proof = new URI(htu);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!proof.isAbsolute()
                || proof.getRawAuthority() == null
                || proof.getRawUserInfo() != null
                || request.getScheme() == null
                || request.getHost() == null) {
            return false;
        }
        String scheme = proof.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && proof.getHost() != null
                && proof.getHost().equalsIgnoreCase(request.getHost())
                && port(scheme, proof.getPort()) == port(scheme, request.getPort())
                && path(proof).equals(path(request));
    }

    private static int port(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }

    private static String path(URI uri) {
        String p = uri.normalize().getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }
}
