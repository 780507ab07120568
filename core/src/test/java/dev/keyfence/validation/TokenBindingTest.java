package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.RequestContext;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.Certificates;
import dev.keyfence.testkit.DpopProofs;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TOKEN_BINDING_MISMATCH: RFC 8705 certificate-bound and RFC 9449 DPoP-bound tokens. */
class TokenBindingTest {
    private static final TestKey CLIENT = TestKey.ec("client", "P-256");
    private static final TestKey OTHER_CLIENT = TestKey.ec("other", "P-256");
    private static final String URL = "https://api.example.test/api/me";

    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);
    private final TokenValidator validator = Fixture.validator(policy);
    private final X509Certificate certificate = certificate(TestKey.rsa("client-cert"));

    private X509Certificate certificate(TestKey key) {
        return Certificates.selfSigned(
                key.keyPair(),
                "client",
                f.now().minus(Duration.ofDays(1)),
                f.now().plus(Duration.ofDays(30)));
    }

    private String certificateBound() {
        return f.token()
                .claim("cnf", Map.of("x5t#S256", DpopProofs.x5tS256(certificate)))
                .signedWith(Fixture.RSA);
    }

    private String dpopBound() {
        return f.token().claim("cnf", Map.of("jkt", CLIENT.thumbprint())).signedWith(Fixture.RSA);
    }

    private static RequestContext withCertificate(X509Certificate c) {
        return RequestContext.builder().clientCertificate(c).build();
    }

    private static RequestContext dpop(List<String> proofs, String method, String url) {
        return RequestContext.builder()
                .dpopScheme(true)
                .dpop(proofs, method, URI.create(url))
                .build();
    }

    private TokenBuilder proof(String token) {
        return DpopProofs.proof(CLIENT, "GET", URL, token, f.now());
    }

    @Test
    void rejectsCertificateBoundTokenSentWithoutCertificate() {
        String token = certificateBound();
        assertRejected(validator.validate(token), Reason.TOKEN_BINDING_MISMATCH);
        assertRejected(validator.validate(token, RequestContext.none()), Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void acceptsCertificateBoundTokenWithItsCertificateOnly() {
        String token = certificateBound();
        assertAccepted(validator.validate(token, withCertificate(certificate)));
        assertRejected(
                validator.validate(token, withCertificate(certificate(TestKey.rsa("thief")))),
                Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void aTokenAcceptedBeforeIsStillRefusedWithoutItsCertificate() {
        String token = certificateBound();
        assertAccepted(validator.validate(token, withCertificate(certificate)));
        assertRejected(
                validator.validate(token), Reason.TOKEN_BINDING_MISMATCH); // the verified-token cache is no bypass
    }

    @Test
    void refusesConfirmationsKeyfenceCannotCheck() {
        for (Object cnf : List.<Object>of(
                "abc",
                List.of(),
                Map.of(),
                Map.of("jwk", Map.of("kty", "EC")),
                Map.of("x5t#S256", 1),
                Map.of("jkt", List.of("a")),
                Map.of("x5t#S256", DpopProofs.x5tS256(certificate), "kid", "k"))) {
            String token = f.token().claim("cnf", cnf).signedWith(Fixture.RSA);
            assertRejected(validator.validate(token, withCertificate(certificate)), Reason.TOKEN_BINDING_MISMATCH);
        }
    }

    @Test
    void unboundTokensNeedNothingBesides() {
        assertAccepted(validator.validate(f.token().signedWith(Fixture.RSA)));
        assertAccepted(validator.validate(f.token().signedWith(Fixture.RSA), withCertificate(certificate)));
    }

    @Test
    void bindingIsCheckedLast() {
        String expired = f.token()
                .expiresAt(f.now().minusSeconds(3600))
                .issuedAt(f.now().minusSeconds(4000))
                .claim("cnf", Map.of("x5t#S256", "abc"))
                .signedWith(Fixture.RSA);
        assertRejected(validator.validate(expired), Reason.TOKEN_EXPIRED);
        assertThat(List.of(Control.values()).get(Control.values().length - 1)).isEqualTo(Control.TOKEN_BINDING);
        assertThat(List.of(Reason.values()).get(Reason.values().length - 1)).isEqualTo(Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void bindingControlAloneCatchesBoundTokensSentBare() {
        Fixture.assertControlCatches(policy, Control.TOKEN_BINDING, Reason.TOKEN_BINDING_MISMATCH, certificateBound());
        Fixture.assertControlCatches(policy, Control.TOKEN_BINDING, Reason.TOKEN_BINDING_MISMATCH, dpopBound());
    }

    @Test
    void acceptsDpopBoundTokenWithValidProof() {
        String token = dpopBound();
        Verdict v = validator.validate(token, dpop(List.of(proof(token).signedWith(CLIENT)), "GET", URL + "?q=1"));
        assertAccepted(v);
    }

    @Test
    void rejectsDpopBoundTokenSentAsBearerOrWithoutProof() {
        String token = dpopBound();
        String proof = proof(token).signedWith(CLIENT);
        assertRejected(validator.validate(token), Reason.TOKEN_BINDING_MISMATCH);
        assertRejected(
                validator.validate(
                        token,
                        RequestContext.builder()
                                .dpop(List.of(proof), "GET", URI.create(URL))
                                .build()),
                Reason.TOKEN_BINDING_MISMATCH); // Bearer scheme, even with a proof
        assertRejected(validator.validate(token, dpop(List.of(), "GET", URL)), Reason.TOKEN_BINDING_MISMATCH);
        assertRejected(
                validator.validate(token, dpop(List.of(proof, proof), "GET", URL)), Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void rejectsReplayedProof() {
        String token = dpopBound();
        String proof = proof(token).signedWith(CLIENT);
        assertAccepted(validator.validate(token, dpop(List.of(proof), "GET", URL)));
        assertRejected(validator.validate(token, dpop(List.of(proof), "GET", URL)), Reason.TOKEN_BINDING_MISMATCH);
        // a validator for another resource shares the replay cache
        assertRejected(
                validator
                        .forResource(Fixture.resource().name("other").build())
                        .validate(token, dpop(List.of(proof), "GET", URL)),
                Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void rejectsProofsThatDoNotFitTheRequestOrToken() {
        String token = dpopBound();
        String otherToken = f.token()
                .subject("bob")
                .claim("cnf", Map.of("jkt", CLIENT.thumbprint()))
                .signedWith(Fixture.RSA);
        Map<String, String> attacks = new java.util.LinkedHashMap<>();
        attacks.put("wrong method", proof(token).claim("htm", "POST").signedWith(CLIENT));
        attacks.put(
                "wrong uri",
                proof(token).claim("htu", "https://api.example.test/api/admin").signedWith(CLIENT));
        attacks.put(
                "wrong host",
                proof(token).claim("htu", "https://evil.example.test/api/me").signedWith(CLIENT));
        attacks.put("relative uri", proof(token).claim("htu", "/api/me").signedWith(CLIENT));
        attacks.put(
                "too old",
                proof(token).issuedAt(f.now().minus(Duration.ofMinutes(3))).signedWith(CLIENT));
        attacks.put(
                "future",
                proof(token).issuedAt(f.now().plus(Duration.ofMinutes(3))).signedWith(CLIENT));
        attacks.put("iat a string", proof(token).claim("iat", "now").signedWith(CLIENT));
        attacks.put("ath of another token", proof(otherToken).signedWith(CLIENT));
        attacks.put("no ath", proof(token).withoutClaim("ath").signedWith(CLIENT));
        attacks.put("no jti", proof(token).withoutClaim("jti").signedWith(CLIENT));
        attacks.put("wrong typ", proof(token).typ("JWT").signedWith(CLIENT));
        attacks.put("alg none", proof(token).alg("none").unsigned());
        attacks.put("HS256 with a public key", proof(token).alg("HS256").signedWithHmacSecret(new byte[32]));
        attacks.put(
                "other client's key",
                DpopProofs.proof(OTHER_CLIENT, "GET", URL, token, f.now()).signedWith(OTHER_CLIENT));
        attacks.put("jwk of the client, signed by another key", proof(token).signedWith(OTHER_CLIENT));
        attacks.put(
                "private key in jwk",
                proof(token)
                        .header(
                                "jwk",
                                CLIENT.jwk().withoutKid().member("d", "AAAA").toMap())
                        .signedWith(CLIENT));
        attacks.put("no jwk", proof(token).withoutHeader("jwk").signedWith(CLIENT));
        attacks.put("jwk not an object", proof(token).header("jwk", "x").signedWith(CLIENT));
        attacks.put("garbage", "not.a.proof");
        attacks.forEach((attack, proof) -> assertRejected(
                validator.validate(token, dpop(List.of(proof), "GET", URL)), Reason.TOKEN_BINDING_MISMATCH));
    }

    @Test
    void rejectsDpopSchemeForUnboundToken() {
        String token = f.token().signedWith(Fixture.RSA);
        assertRejected(
                validator.validate(token, dpop(List.of(proof(token).signedWith(CLIENT)), "GET", URL)),
                Reason.TOKEN_BINDING_MISMATCH);
    }

    @Test
    void acceptsProofWithinSkewAndAgeWindow() {
        String token = dpopBound();
        Instant iat = f.now().minusSeconds(100); // 60 s age + 60 s skew
        assertAccepted(validator.validate(
                token,
                dpop(
                        List.of(DpopProofs.proof(CLIENT, "GET", URL, token, iat).signedWith(CLIENT)),
                        "get",
                        "HTTPS://API.example.test:443/api/me")));
    }
}
