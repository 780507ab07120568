package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic OIDC preset, filled in, finds keys through a discovery document served over HTTP. */
class OidcPresetTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void filledInPresetAcceptsTokenSignedByDiscoveredKeyAndRefusesAnother() throws IOException {
        TestKey key = TestKey.rsa("idp-1");
        try (JwksServer server = JwksServer.start()) {
            String issuer = server.uri("/").toString();
            server.serveKeys("/keys", JwkSet.of(key));
            server.discovery(
                    "/.well-known/openid-configuration",
                    issuer,
                    server.uri("/keys").toString());
            String yaml;
            try (InputStream in = getClass().getResourceAsStream("/dev/keyfence/presets/oidc-discovery.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            yaml = yaml.replace("https://YOUR-IDP.example/", issuer)
                            .replace(
                                    "YOUR-DISCOVERY-URL",
                                    server.uri("/.well-known/openid-configuration")
                                            .toString())
                            .replace("api://YOUR-APP-ID", "api://orders")
                    + "  allow-http-loopback: true\n";
            TokenValidator v = TokenValidator.create(KeyfenceConfig.parse(yaml, dir).policy().toBuilder()
                    .clock(MutableClock.at(NOW))
                    .build());

            assertThat(v.validate(Tokens.accessToken(issuer, "api://orders", NOW)
                                    .signedWith(key))
                            .valid())
                    .isTrue();
            assertThat(v.validate(
                            Tokens.accessToken(issuer, "api://orders", NOW).signedWith(TestKey.rsa("stranger"))))
                    .isInstanceOfSatisfying(
                            Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        }
    }
}
