package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Entra ID preset against the real "common" key set of October 2024 (public keys only, so
 * tokens carry a fake signature and the tests show the checks that come before the signature).
 */
class EntraFixtureTest {
    private static final String FIXTURE = "/fixtures/entra-common-2024-10/jwks.json";
    private static final String PRESET = "/dev/keyfence/presets/entra-id.yaml";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String CONSUMER_ISSUER = "https://login.microsoftonline.com/" + CONSUMER_TENANT + "/v2.0";
    private static final String ENTERPRISE_ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";
    private static final String AUDIENCE = "api://mail";
    private static final List<String> CONSUMER_KIDS =
            List.of("8IIDH6M8c3cXoeojKme8Jvqsr2Y", "iE89_EVhreMiV2-8rKE2zWBUm3M");
    private static final String ENTERPRISE_KID = "Mc7l3Iz93g7uwgNeEmmw_WYGPko";
    private static final Instant OCT_2024 = Instant.parse("2024-10-27T12:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void keySets() throws IOException {
        String common = resource(FIXTURE);
        Files.writeString(dir.resolve("common.json"), common);
        // the consumers endpoint publishes the consumer keys: taken from the same real snapshot
        Map<String, Object> doc =
                new LinkedHashMap<>(asMap(new Load(LoadSettings.builder().build()).loadFromString(common)));
        List<Object> consumers = new ArrayList<>();
        for (Object k : (List<?>) doc.get("keys")) {
            if (CONSUMER_ISSUER.equals(asMap(k).get("issuer"))) {
                consumers.add(k);
            }
        }
        assertThat(consumers).hasSize(2);
        doc.put("keys", consumers);
        Files.writeString(dir.resolve("consumers.json"), dev.keyfence.testkit.Json.write(doc));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EntraFixtureTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isInstanceOf(InputStream.class);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** The preset with the tenant and audience filled in and each jwks-uri pointed at a local copy. */
    private KeyfenceConfig preset() throws IOException {
        String text = resource(PRESET).replace("YOUR-TENANT-ID", TENANT).replace("api://YOUR-APP-ID", AUDIENCE);
        Map<String, Object> tree = asMap(new Load(LoadSettings.builder().build()).loadFromString(text));
        for (Object o : (List<?>) tree.get("issuers")) {
            Map<String, Object> issuer = asMap(o);
            String uri = (String) issuer.remove("jwks-uri");
            assertThat(uri).startsWith("https://login.microsoftonline.com/");
            issuer.put("jwks-file", uri.contains("/consumers/") ? "consumers.json" : "common.json");
        }
        // round-trip through YAML text so the file door, not only the tree door, is used
        String yaml = new Dump(DumpSettings.builder().build()).dumpToString(tree);
        return KeyfenceConfig.parse(yaml, dir);
    }

    private TokenValidator validator(Instant now) throws IOException {
        return TokenValidator.create(
                preset().policy().toBuilder().clock(MutableClock.at(now)).build());
    }

    private static String fakeSigned(String iss, String tid, String kid, Instant now) {
        return Tokens.accessToken(iss, AUDIENCE, now)
                .typ("JWT")
                .tenant(tid)
                .header("alg", "RS256")
                .header("kid", kid)
                .withSignature(new byte[256]);
    }

    @Test
    void rejectsEnterpriseTenantTokenNamingAConsumerKeyAsKeyIssuerMismatch() throws IOException {
        TokenValidator v = validator(OCT_2024);

        for (String kid : CONSUMER_KIDS) {
            Verdict verdict = v.validate(fakeSigned(ENTERPRISE_ISSUER, TENANT, kid, OCT_2024));
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.KEY_ISSUER_MISMATCH);
                assertThat(r.detail()).contains(CONSUMER_ISSUER);
                assertThat(r.kid()).contains(kid);
            });
        }
    }

    @Test
    void enterpriseKeyPassesEveryKeyCheckAndOnlyTheFakeSignatureFails() throws IOException {
        Verdict verdict = validator(OCT_2024).validate(fakeSigned(ENTERPRISE_ISSUER, TENANT, ENTERPRISE_KID, OCT_2024));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void rejectsConsumerTokenAtTheEnterpriseResourceByKeyScope() throws IOException {
        Verdict verdict = validator(OCT_2024)
                .validate(fakeSigned(CONSUMER_ISSUER, CONSUMER_TENANT, CONSUMER_KIDS.get(0), OCT_2024));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(r.keyScope()).contains("consumer");
        });
    }

    @Test
    void reportsConsumerKeyWindowsFromTheirCertificatesAsTheFixtureReadmeSays() throws IOException {
        List<KeyStatus> statuses = validator(OCT_2024).keyStatuses();

        Map<String, String[]> expected = Map.of(
                "8IIDH6M8c3cXoeojKme8Jvqsr2Y", new String[] {"2024-10-12", "2029-10-12"},
                "iE89_EVhreMiV2-8rKE2zWBUm3M", new String[] {"2024-09-29", "2029-09-29"});
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            List<KeyStatus> forKid = statuses.stream()
                    .filter(s -> s.kid().orElse("").equals(e.getKey()))
                    .toList();
            assertThat(forKid).as(e.getKey()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.windowSources()).contains("x5c");
                assertThat(day(s.notBefore().orElseThrow())).isEqualTo(e.getValue()[0]);
                assertThat(day(s.notAfter().orElseThrow())).isEqualTo(e.getValue()[1]);
                assertThat(s.scopes()).containsExactlyInAnyOrder("consumer", "enterprise");
                assertThat(s.keyIssuer()).contains(CONSUMER_ISSUER);
                assertThat(s.state()).isEqualTo(KeyState.ACTIVE);
            });
        }
        assertThat(statuses)
                .extracting(s -> s.kid().orElseThrow())
                .contains(ENTERPRISE_KID, "d-Zi0Gbus4sEaOqXgU8pMvYc3KI");
    }

    @Test
    void consumerKeysAreExpiredIn2030() throws IOException {
        Instant in2030 = Instant.parse("2030-01-15T00:00:00Z");
        TokenValidator mail = validator(in2030);
        TokenValidator personal = mail.forResource(mail.resource().toBuilder()
                .name("personal")
                .acceptedKeyScopes("enterprise", "consumer")
                .build());

        for (String kid : CONSUMER_KIDS) {
            assertThat(personal.validate(fakeSigned(CONSUMER_ISSUER, CONSUMER_TENANT, kid, in2030)))
                    .isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                        assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.KEY_EXPIRED);
                        assertThat(r.detail()).contains("2029-");
                    });
        }
        assertThat(personal.keyStatuses())
                .filteredOn(s -> CONSUMER_KIDS.contains(s.kid().orElse("")))
                .extracting(KeyStatus::state)
                .containsOnly(KeyState.EXPIRED);
    }

    @Test
    void refusesThePresetWhileTheTenantPlaceholderIsNotFilledIn() throws IOException {
        String text = resource(PRESET);

        assertThatThrownBy(() -> KeyfenceConfig.parse(text, dir))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).contains("tenants"));
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
