package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shadow never contacts the real key sources: a key server on 127.0.0.1 that counts requests
 * serves every source of the policy (a common endpoint, a per-tenant URL, a discovery document),
 * and sees none during a drill, while a real validator of the same policy does reach it.
 */
class DrillNeverContactsSourcesTest {

    @Test
    void drillSendsNoRequestToAnyKeySource() {
        try (JwksServer idp = JwksServer.start()) {
            String base = "http://127.0.0.1:" + idp.port();
            idp.serveKeys("/common/keys", JwkSet.of(TestKey.rsa("ent-1")));
            idp.serveKeys("/tid-a/keys", JwkSet.of(TestKey.rsa("ent-2")));
            idp.serveKeys("/consumers/keys", JwkSet.of(TestKey.rsa("msa-1")));
            idp.discovery("/partner/.well-known/openid-configuration", base + "/partner", base + "/consumers/keys");
            String yaml = """
                    issuers:
                      - name: contoso
                        issuer: "%1$s/{tenantid}/v2.0"
                        jwks-uri: "%1$s/common/keys"
                        key-scope: enterprise
                        tenants: ["tid-a"]
                      - name: fabrikam
                        issuer: "%1$s/fab/{tenantid}/v2.0"
                        jwks-uri: "%1$s/{tenantid}/keys"
                        key-scope: enterprise
                        tenants: ["tid-a"]
                      - name: partner
                        issuer: "%1$s/partner"
                        discovery-uri: "%1$s/partner/.well-known/openid-configuration"
                        key-scope: partner
                      - name: consumer
                        issuer: "%1$s/consumers/v2.0"
                        jwks-uri: "%1$s/consumers/keys"
                        key-scope: consumer
                    resource:
                      audiences: ["api://mail"]
                      accepted-key-scopes: [enterprise]
                    jwks:
                      allow-http-loopback: true
                    """.formatted(base);
            KeyfenceConfig config = KeyfenceConfig.parse(yaml, Path.of("."));

            DrillReport report = Drill.builder().config(config).build().run();

            assertThat(idp.totalHits()).isZero();
            assertThat(report.findings()).isEmpty();
            assertThat(report.results()).isNotEmpty();

            // the counter counts: a real validator of the same policy reads the sources
            TokenValidator.create(config.policy()).keyStatuses();
            assertThat(idp.totalHits()).isPositive();
        }
    }
}
