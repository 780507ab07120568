package dev.keyfence.posture;

import static dev.keyfence.posture.PostureSetup.ISSUER;
import static dev.keyfence.posture.PostureSetup.clean;
import static dev.keyfence.posture.PostureSetup.issuer;
import static dev.keyfence.posture.PostureSetup.policy;
import static dev.keyfence.posture.PostureSetup.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.json.JsonException;
import dev.keyfence.json.JsonReader;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON form of a posture: the members of CONTRACT.md section 3, one line, no key material. */
class PostureJsonTest {
    final TestKey good = TestKey.rsa("good-1");

    @Test
    void writesOneLineWithTheContractMembersFirst() throws JsonException {
        String json =
                PostureJson.write(report(policy(issuer(clean(good, ISSUER)).build())));

        assertThat(json).doesNotContain("\n");
        Map<String, Object> root = JsonReader.parseObject(json);
        assertThat(List.copyOf(root.keySet())).containsExactly("controls", "issuers", "findings", "at", "resources");
        Map<String, Object> issuer = first(root, "issuers");
        assertThat(List.copyOf(issuer.keySet()))
                .containsExactly(
                        "name", "issuer", "keys", "keyScope", "keySource", "health", "problem", "tenants", "sources");
        Map<String, Object> key = first(issuer, "keys");
        assertThat(List.copyOf(key.keySet()))
                .containsExactly(
                        "kid",
                        "type",
                        "size",
                        "curve",
                        "thumbprint",
                        "window",
                        "age",
                        "ageFrom",
                        "scopes",
                        "status",
                        "keyIssuer",
                        "source",
                        "firstSeen",
                        "retiredAt",
                        "problem");
        assertThat(key)
                .containsEntry("kid", "good-1")
                .containsEntry("status", "ACTIVE")
                .containsEntry("age", "P214D")
                .containsEntry("thumbprint", good.thumbprint());
        assertThat(key.get("window"))
                .isEqualTo(Map.of(
                        "notBefore",
                        "2024-06-01T00:00:00Z",
                        "notAfter",
                        "2026-06-01T00:00:00Z",
                        "from",
                        List.of("x5c")));
        assertThat(first(issuer, "sources")).containsEntry("source", "contoso").containsEntry("health", "UP");
        assertThat(first(root, "resources"))
                .containsEntry("name", "mail")
                .containsEntry("paths", List.of())
                .containsEntry("clockSkew", "PT1M");
    }

    @Test
    void holdsNoKeyMaterial() {
        String json =
                PostureJson.write(report(policy(issuer(clean(good, ISSUER)).build())));

        String modulus = (String) good.jwk().toMap().get("n");
        assertThat(json).doesNotContain(modulus.substring(0, 40)).contains(good.thumbprint());
    }

    @Test
    void ageIsWholeDaysFromADayOnElseHoursToSeconds() {
        assertThat(PostureJson.age(Duration.ofDays(412).plusHours(23))).isEqualTo("P412D");
        assertThat(PostureJson.age(Duration.ofDays(1))).isEqualTo("P1D");
        assertThat(PostureJson.age(Duration.ofHours(5).plusMinutes(3).plusMillis(2500)))
                .isEqualTo("PT5H3M2S");
        assertThat(PostureJson.age(Duration.ZERO)).isEqualTo("PT0S");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> object, String member) {
        return ((List<Map<String, Object>>) object.get(member)).get(0);
    }
}
