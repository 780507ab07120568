package dev.keyfence.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Proves the harness: a real Keycloak starts, issues client-credentials tokens, and rotates keys on request. */
@KeycloakTest
class KeycloakHarnessTest {

    @Test
    void keycloakIsUpOnLoopback(KeycloakServer server, KeycloakAdmin admin) {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.startupTime()).isLessThan(Duration.ofSeconds(180));
        assertThat(admin.realmExists("master")).isTrue();
        assertThat(admin.realmExists("no-such-realm")).isFalse();
    }

    @Test
    void clientCredentialsTokenIsSignedByAKeyInTheJwks(KeycloakAdmin admin) {
        HarnessScenarios.smoke(admin, "smoke");
    }

    @Test
    void rotationPublishesNewKeyKeepsPassiveKeyAndDeleteRemovesIt(KeycloakAdmin admin) {
        String realm = "rotation";
        admin.createRealm(realm);
        KeycloakAdmin.ServiceClient client = admin.createServiceClient(realm, "svc", realm, HarnessScenarios.AUDIENCE);
        String oldKid = Jwt.decode(admin.clientCredentialsToken(client)).kid();

        KeycloakAdmin.RotatedKey rotated = admin.rotateSigningKey(realm);

        assertThat(rotated.kid()).isNotEqualTo(oldKid);
        assertThat(rotated.passivatedComponentIds()).hasSize(1);
        assertThat(Jwt.decode(admin.clientCredentialsToken(client)).kid()).isEqualTo(rotated.kid());
        assertThat(HarnessScenarios.kids(admin.jwks(realm))).contains(oldKid, rotated.kid());
        assertThat(admin.keys(realm))
                .filteredOn(k -> k.kid().equals(oldKid))
                .singleElement()
                .extracting(KeycloakAdmin.RealmKey::status)
                .isEqualTo("PASSIVE");

        admin.setKeyActive(realm, rotated.passivatedComponentIds().get(0), true);
        admin.deleteComponent(realm, rotated.componentId());

        assertThat(HarnessScenarios.kids(admin.jwks(realm))).contains(oldKid).doesNotContain(rotated.kid());
        assertThat(Jwt.decode(admin.clientCredentialsToken(client)).kid()).isEqualTo(oldKid);
    }

    @Test
    void importedKeyPublishesItsCertificateAndValidTo(KeycloakAdmin admin) {
        String realm = "imported";
        admin.createRealm(realm);
        KeycloakAdmin.ServiceClient client = admin.createServiceClient(realm, "svc", realm, HarnessScenarios.AUDIENCE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyPair keyPair = TestCertificates.rsaKeyPair();
        X509Certificate certificate = TestCertificates.selfSigned(
                keyPair, "imported-until-tomorrow", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

        String componentId = admin.importRsaKey(
                realm,
                "imported-rsa",
                500,
                true,
                TestCertificates.privateKeyPem(keyPair),
                TestCertificates.certificatePem(certificate));

        String kid = admin.kidOf(realm, componentId);
        assertThat(admin.activeKid(realm, "RS256")).isEqualTo(kid);
        assertThat(Jwt.decode(admin.clientCredentialsToken(client)).kid()).isEqualTo(kid);
        JsonNode jwk = HarnessScenarios.jwk(admin.jwks(realm), kid);
        assertThat(jwk.path("x5c").get(0).asString()).isEqualTo(TestCertificates.base64Der(certificate));
        assertThat(admin.keys(realm))
                .filteredOn(k -> k.kid().equals(kid))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.status()).isEqualTo("ACTIVE");
                    assertThat(k.priority()).isEqualTo(500);
                    assertThat(k.validTo()).contains(certificate.getNotAfter().toInstant());
                });
    }

    @Test
    void keycloakRefusesAnExpiredCertificate(KeycloakAdmin admin) {
        String realm = "expired";
        admin.createRealm(realm);
        KeyPair keyPair = TestCertificates.rsaKeyPair();
        X509Certificate expired = TestCertificates.selfSigned(
                keyPair, "expired-2021", Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));

        assertThatThrownBy(() -> admin.importRsaKey(
                        realm,
                        "expired-rsa",
                        50,
                        false,
                        TestCertificates.privateKeyPem(keyPair),
                        TestCertificates.certificatePem(expired)))
                .isInstanceOfSatisfying(
                        KeycloakAdminException.class,
                        e -> assertThat(e.status()).isEqualTo(400));
    }
}
