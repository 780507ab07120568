package dev.keyfence.keycloak;

import static dev.keyfence.keycloak.Verdicts.accepted;
import static dev.keyfence.keycloak.Verdicts.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyReference;
import dev.keyfence.KeyStatus;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.VerifiedToken;
import dev.keyfence.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Keyfence scenario against real Keycloak tokens: two enterprise tenant realms behind one
 * {@code {tenantid}} issuer with a key source per tenant, and a consumer realm as an exact
 * consumer-scope issuer. Keys are rotated, made passive, deleted and imported through Keycloak's
 * admin REST API; tokens come from its token endpoint. Subclasses say which Keycloak.
 *
 * <p>Each test builds its own validator (its own key caches). Tests that change a realm's keys
 * work on the key that is active when they start, so they do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyfenceScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BOTH_TENANTS = List.of(TenantRealms.TENANT_A, TenantRealms.TENANT_B);
    private static final String ENTERPRISE_SOURCE = "keycloak-enterprise/";

    private TenantRealms realms;

    /** The Keycloak to run against. */
    abstract KeycloakAdmin keycloak();

    @BeforeAll
    void createRealms() {
        realms = TenantRealms.create(keycloak());
    }

    @Test
    void acceptsEachEnterpriseTenantFromItsOwnKeySourceAndTheConsumerRealmAtItsProfile() {
        KeyfenceConfig config = KeyfencePolicies.config(realms.base(), BOTH_TENANTS);
        TokenValidator enterprise = TokenValidator.create(config.policy());
        TokenValidator consumerApi =
                enterprise.forResource(KeyfencePolicies.profile(config, KeyfencePolicies.CONSUMER_PROFILE)
                        .resource());

        for (KeycloakAdmin.ServiceClient client : List.of(realms.tenantA(), realms.tenantB())) {
            String realm = client.realm();
            String token = realms.token(client);
            VerifiedToken verified = accepted(enterprise.validate(token));
            assertThat(verified.issuer()).isEqualTo(realms.base() + "/realms/" + realm);
            assertThat(verified.tenant()).contains(realm);
            assertThat(verified.keyScope()).isEqualTo("enterprise");
            assertThat(verified.kid()).contains(Jwt.decode(token).kid());
            assertThat(verified.audience()).contains(TenantRealms.AUDIENCE);
            rejected(consumerApi.validate(token), Reason.KEY_SCOPE_NOT_ACCEPTED);
        }
        // one key source per tenant, each read from its own realm's certs endpoint
        assertThat(enterprise.sourceStatuses())
                .extracting(SourceStatus::source)
                .contains(ENTERPRISE_SOURCE + TenantRealms.TENANT_A, ENTERPRISE_SOURCE + TenantRealms.TENANT_B);
        assertThat(enterprise.sourceStatuses())
                .filteredOn(s -> s.source().startsWith(ENTERPRISE_SOURCE))
                .allSatisfy(s -> assertThat(s.location())
                        .isEqualTo(realms.base() + "/realms/" + s.source().substring(ENTERPRISE_SOURCE.length())
                                + "/protocol/openid-connect/certs"));

        VerifiedToken consumer = accepted(consumerApi.validate(realms.token(realms.consumers())));
        assertThat(consumer.keyScope()).isEqualTo("consumer");
        assertThat(consumer.issuerName()).isEqualTo("keycloak-consumers");
    }

    @Test
    void rejectsConsumerRealmTokenAtEnterpriseOnlyResource() {
        TokenValidator validator = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, Clock.systemUTC());
        String token = realms.token(realms.consumers());

        Verdict.Rejected rejection = rejected(validator.validate(token), Reason.KEY_SCOPE_NOT_ACCEPTED);

        // the consumer issuer is trusted (an exact issuer wins over the {tenantid} template): only its scope is refused
        assertThat(rejection.issuer()).contains(realms.base() + "/realms/" + TenantRealms.CONSUMERS);
        assertThat(rejection.keyScope()).contains("consumer");
        assertThat(rejection.kid()).contains(Jwt.decode(token).kid());
    }

    @Test
    void rejectsTenantBTokenAtResourceThatAllowsOnlyTenantA() {
        TokenValidator onlyTenantA =
                KeyfencePolicies.validator(realms.base(), List.of(TenantRealms.TENANT_A), Clock.systemUTC());
        TokenValidator bothTenants = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, Clock.systemUTC());
        String tenantB = realms.token(realms.tenantB());

        Verdict.Rejected rejection = rejected(onlyTenantA.validate(tenantB), Reason.TENANT_NOT_ALLOWED);

        assertThat(rejection.tenant()).contains(TenantRealms.TENANT_B);
        accepted(onlyTenantA.validate(realms.token(realms.tenantA())));
        accepted(bothTenants.validate(tenantB));
        // tenant-b's keys were never fetched for the resource that does not allow it
        assertThat(onlyTenantA.sourceStatuses())
                .extracting(SourceStatus::source)
                .doesNotContain(ENTERPRISE_SOURCE + TenantRealms.TENANT_B);
    }

    @Test
    void rotationAcceptsNewKidAtOnceKeepsPassiveKeyAndRetiresDeletedKey() {
        KeycloakAdmin admin = keycloak();
        String realm = TenantRealms.TENANT_A;
        String source = ENTERPRISE_SOURCE + realm;
        String oldToken = realms.token(realms.tenantA());
        String oldKid = Jwt.decode(oldToken).kid();
        String oldComponent = signingComponent(admin, realm, oldKid);
        MutableClock clock = MutableClock.at(Instant.now());
        TokenValidator validator = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, clock);
        accepted(validator.validate(oldToken));
        assertThat(kidsOf(validator, source)).contains(oldKid);

        // 1. a new RSA key with a higher priority: Keycloak signs with it at once
        String newComponent = admin.addGeneratedRsaKey(realm, "rsa-rotated", maxPriority(admin, realm) + 10);
        String newToken = realms.token(realms.tenantA());
        String newKid = Jwt.decode(newToken).kid();
        assertThat(newKid).isEqualTo(admin.kidOf(realm, newComponent)).isNotEqualTo(oldKid);
        catchUp(clock);
        // the unknown kid makes Keyfence refetch tenant-a's keys before answering
        assertThat(accepted(validator.validate(newToken)).kid()).contains(newKid);
        assertThat(fetchedAt(validator, source)).isEqualTo(clock.instant());
        assertThat(kidsOf(validator, source)).contains(oldKid, newKid);

        // 2. the old key made passive: still published, so tokens it signed still pass after a refresh
        admin.setKeyActive(realm, oldComponent, false);
        Instant refresh = clock.advance(Duration.ofSeconds(61)); // past jwks.refresh-interval PT1M
        assertThat(accepted(validator.validate(oldToken)).kid()).contains(oldKid);
        assertThat(fetchedAt(validator, source)).isEqualTo(refresh);
        assertThat(kidsOf(validator, source)).contains(oldKid, newKid);

        // 3. the old key deleted: once the source is refetched, its tokens are KEY_RETIRED (retired-grace PT0S)
        admin.deleteComponent(realm, oldComponent);
        Instant retired = clock.advance(Duration.ofSeconds(61));
        Verdict.Rejected rejection = rejected(validator.validate(oldToken), Reason.KEY_RETIRED);
        assertThat(rejection.kid()).contains(oldKid);
        assertThat(fetchedAt(validator, source)).isEqualTo(retired);
        assertThat(status(validator, source, oldKid).retiredAt()).contains(retired);
        assertThat(accepted(validator.validate(newToken)).kid()).contains(newKid);
    }

    @Test
    void rejectsTokenNamingTheRealmsEncryptionKeyWithKeyNotFound() {
        String realm = TenantRealms.TENANT_A;
        TokenValidator validator = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, Clock.systemUTC());
        String token = realms.token(realms.tenantA());
        JsonNode encryptionKey = encryptionKey(keycloak().jwks(realm));
        String encKid = encryptionKey.path("kid").asString();
        assertThat(encryptionKey.path("alg").asString()).isEqualTo("RSA-OAEP");
        accepted(validator.validate(token));

        // a real token, its header's kid switched to the RSA-OAEP key's, payload and signature kept
        String forged = withHeaderKid(token, encKid);

        Verdict.Rejected rejection = rejected(validator.validate(forged), Reason.KEY_NOT_FOUND);
        assertThat(rejection.kid()).contains(encKid);
        assertThat(rejection.detail()).contains(encKid).doesNotContain(forged.split("\\.")[2]);
    }

    @Test
    void importedKeyPastItsCertificateIsKeyExpiredBeforeTheTokenTimeIsChecked() {
        KeycloakAdmin admin = keycloak();
        String realm = TenantRealms.TENANT_B;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyPair keyPair = TestCertificates.rsaKeyPair();
        X509Certificate untilTomorrow = TestCertificates.selfSigned(
                keyPair, "keyfence-until-tomorrow", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        String component = admin.importRsaKey(
                realm,
                "rsa-until-tomorrow",
                maxPriority(admin, realm) + 100,
                true,
                TestCertificates.privateKeyPem(keyPair),
                TestCertificates.certificatePem(untilTomorrow));
        try {
            String kid = admin.kidOf(realm, component);
            String token = realms.token(realms.tenantB());
            assertThat(Jwt.decode(token).kid()).isEqualTo(kid);
            MutableClock clock = MutableClock.at(Instant.now());
            TokenValidator validator = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, clock);
            accepted(validator.validate(token));

            clock.advance(Duration.ofDays(2));

            Verdict.Rejected rejection = rejected(validator.validate(token), Reason.KEY_EXPIRED);
            assertThat(rejection.kid()).contains(kid);
            assertThat(rejection.detail())
                    .contains(untilTomorrow.getNotAfter().toInstant().toString());
            // the token has expired too; the key's own checks come first in the contract's order
            Instant exp =
                    Instant.ofEpochSecond(Jwt.decode(token).claims().path("exp").asLong());
            assertThat(exp.plus(Duration.ofMinutes(5))).isBefore(clock.instant());
        } finally {
            admin.deleteComponent(realm, component);
        }
    }

    @Test
    void revokedKidIsKeyRevokedOnTheNextRequest() {
        TokenValidator validator = KeyfencePolicies.validator(realms.base(), BOTH_TENANTS, Clock.systemUTC());
        String token = realms.token(realms.tenantA());
        String kid = Jwt.decode(token).kid();
        accepted(validator.validate(token));

        validator.revoke(KeyReference.kid(kid), "incident-response", "signing key suspected compromised");

        Verdict.Rejected rejection = rejected(validator.validate(token), Reason.KEY_REVOKED);
        assertThat(rejection.kid()).contains(kid);
        assertThat(rejection.tenant()).contains(TenantRealms.TENANT_A);
        // a token Keycloak issues after the revocation, with the same kid, is refused as well
        String next = realms.token(realms.tenantA());
        assertThat(Jwt.decode(next).kid()).isEqualTo(kid);
        rejected(validator.validate(next), Reason.KEY_REVOKED);
        // tenant-b signs with its own key, which the kill switch does not touch
        accepted(validator.validate(realms.token(realms.tenantB())));
    }

    // ---------------------------------------------------------------- helpers

    /** Moves the clock up to the real time when a freshly issued token is newer than it. */
    private static void catchUp(MutableClock clock) {
        Instant real = Instant.now();
        if (real.isAfter(clock.instant())) {
            clock.set(real);
        }
    }

    private static String signingComponent(KeycloakAdmin admin, String realm, String kid) {
        return admin.keys(realm).stream()
                .filter(k -> k.kid().equals(kid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("kid " + kid + " not listed in realm " + realm))
                .providerId();
    }

    private static int maxPriority(KeycloakAdmin admin, String realm) {
        return (int) admin.keys(realm).stream()
                .mapToLong(KeycloakAdmin.RealmKey::priority)
                .max()
                .orElse(100);
    }

    private static Instant fetchedAt(TokenValidator validator, String source) {
        return sourceStatus(validator, source)
                .fetchedAt()
                .orElseThrow(() -> new AssertionError("source " + source + " never fetched"));
    }

    private static List<String> kidsOf(TokenValidator validator, String source) {
        return sourceStatus(validator, source).keys().stream()
                .filter(k -> k.retiredAt().isEmpty())
                .flatMap(k -> k.kid().stream())
                .toList();
    }

    private static KeyStatus status(TokenValidator validator, String source, String kid) {
        return sourceStatus(validator, source).keys().stream()
                .filter(k -> k.kid().equals(Optional.of(kid)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + kid + " in " + source));
    }

    private static SourceStatus sourceStatus(TokenValidator validator, String source) {
        return validator.sourceStatuses().stream()
                .filter(s -> s.source().equals(source))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key source " + source));
    }

    private static JsonNode encryptionKey(JsonNode jwks) {
        List<JsonNode> enc = jwks.path("keys").values().stream()
                .filter(k -> "enc".equals(k.path("use").asString()))
                .toList();
        assertThat(enc).as("use=enc keys in the realm's JWKS").hasSize(1);
        return enc.get(0);
    }

    /** The token with its header's {@code kid} replaced; payload and signature are kept byte for byte. */
    private static String withHeaderKid(String token, String kid) {
        String[] parts = token.split("\\.", -1);
        ObjectNode header = (ObjectNode) Jwt.decode(token).header().deepCopy();
        header.put("kid", kid);
        String encoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8));
        return encoded + "." + parts[1] + "." + parts[2];
    }
}
