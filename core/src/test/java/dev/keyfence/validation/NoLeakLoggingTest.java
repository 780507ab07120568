package dev.keyfence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.RawJson;
import dev.keyfence.testkit.TestKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line (root logger at TRACE) of a run of attack tokens and asserts that no
 * token, token part, signature or key material appears in any log line, verdict detail or toString.
 */
class NoLeakLoggingTest {
    private static final TestKey EC = TestKey.ec("ec-1", "P-256");
    private final Fixture f = new Fixture();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    private List<String> attacks() {
        TestKey attacker = TestKey.rsa("attacker");
        byte[] pem = Fixture.RSA.publicKeyPem().getBytes(StandardCharsets.US_ASCII);
        List<String> t = new ArrayList<>();
        t.add(f.token().signedWith(Fixture.RSA));
        t.add(f.token().signedWith(EC));
        t.add(f.token().alg("none").unsigned());
        t.add(f.token().alg("nOnE").kid("rsa-1").unsigned());
        t.add(f.token().alg("HS256").signedWithHmacSecret(pem));
        t.add(f.token()
                .alg("HS256")
                .kid("rsa-1")
                .signedWithHmacSecret(Fixture.RSA.publicKey().getEncoded()));
        t.add(f.token().header("jwk", RawJson.of(attacker.jwk().toJson())).signedWith(attacker));
        t.add(f.token().header("jku", "https://attacker.example/keys").signedWith(attacker));
        t.add(f.token().kid("../../dev/null").signedWith(Fixture.RSA));
        t.add(f.token().kid("' OR 1=1 --").signedWith(Fixture.RSA));
        t.add(f.token().kid("").signedWith(Fixture.RSA));
        t.add(f.token().alg("ES256").kid(EC.kid()).withSignature(new byte[64]));
        t.add(f.token().signedWithDerEcdsa(EC));
        t.add(f.token().rawHeader("{\"alg\":\"RS256\",\"alg\":\"none\"}").signedWith(Fixture.RSA));
        t.add(f.token().claim("exp", "1900000000").signedWith(Fixture.RSA));
        t.add(f.token().claim("aud", 5).signedWith(Fixture.RSA));
        t.add(f.token().issuer(Fixture.ISS + "/").signedWith(Fixture.RSA));
        t.add(f.token().signedWith(Fixture.RSA.fresh()));
        t.add(f.token().expiresAt(f.now().minusSeconds(3600)).signedWith(Fixture.RSA));
        t.add(f.token().audience("api://other").signedWith(Fixture.RSA));
        t.add(f.token().signedWith(Fixture.RSA) + "==");
        String ok = f.token().signedWith(Fixture.RSA);
        t.add(ok.substring(0, ok.length() - 4) + "+/" + ok.substring(ok.length() - 2));
        t.add(f.token()
                .claim("deep", RawJson.of("[".repeat(100) + "]".repeat(100)))
                .signedWith(Fixture.RSA));
        t.add(ok + "." + ok.substring(0, ok.indexOf('.')) + ".x");
        t.add(f.token().claim("exp", RawJson.of("1e300")).signedWith(Fixture.RSA));
        return t;
    }

    private static List<String> secrets(String token) {
        List<String> out = new ArrayList<>();
        out.add(token);
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                out.add(part);
                out.add(part.substring(0, 8 + (part.length() - 8) / 2));
            }
        }
        return out;
    }

    private static List<String> keyMaterial() {
        List<String> out = new ArrayList<>();
        for (TestKey k : List.of(Fixture.RSA, EC)) {
            Map<String, Object> jwk = k.jwk().toMap();
            for (String member : List.of("n", "x", "y")) {
                if (jwk.get(member) instanceof String s) {
                    out.add(s.substring(0, 16));
                }
            }
            out.add(Base64.getEncoder()
                    .encodeToString(k.publicKey().getEncoded())
                    .substring(40, 72));
        }
        return out;
    }

    @Test
    void noTokenPartOrKeyMaterialInAnyLogLineDetailOrToString() {
        ValidationPolicy policy = f.policy(JwkSet.of(Fixture.RSA, EC));
        TokenValidator validator = TokenValidator.create(policy);
        List<String> attacks = attacks();
        List<String> texts = new ArrayList<>();
        int rejected = 0;
        for (String token : attacks) {
            Verdict v = validator.validate(token);
            texts.add(v.toString());
            if (v instanceof Verdict.Rejected r) {
                rejected++;
                texts.add(r.detail());
            } else if (v instanceof Verdict.Accepted a) {
                texts.add(a.token().toString());
            }
        }
        assertThat(rejected).isEqualTo(attacks.size() - 2);
        texts.add(policy.toString());
        texts.add(policy.issuers().get(0).toString());
        for (ILoggingEvent event : logged()) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        long rejectionEvents = logged().stream()
                .filter(e -> e.getLevel() == Level.INFO
                        && e.getLoggerName().equals("dev.keyfence.audit")
                        && e.getFormattedMessage().contains("rejected"))
                .count();
        assertThat(rejectionEvents).as("one audit event per rejection").isEqualTo(rejected);
        assertThat(logged())
                .anyMatch(e ->
                        e.getLevel() == Level.DEBUG && e.getFormattedMessage().contains("accepted"));
        List<String> forbidden = new ArrayList<>(keyMaterial());
        for (String token : attacks) {
            forbidden.addAll(secrets(token));
        }
        for (String text : texts) {
            for (String secret : forbidden) {
                assertThat(text).as("output line").doesNotContain(secret);
            }
        }
    }

    @Test
    void rejectionNamesTheTokenByFingerprint() {
        TokenValidator validator = TokenValidator.create(f.policy(Fixture.RSA));
        Verdict v = validator.validate(f.token().alg("none").unsigned());
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) v).reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(v.fingerprint()).matches("[0-9a-f]{12}");
        assertThat(logged()).anyMatch(e -> e.getFormattedMessage().contains(v.fingerprint()));
    }

    /** What was logged so far: a copy taken under the appender's lock (refresh threads log concurrently). */
    private List<ILoggingEvent> logged() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }
}
