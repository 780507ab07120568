package dev.keyfence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.VerifiedToken;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an accepted token reports: its claims without JSON nulls (at any depth, as
 * {@link VerifiedToken#claims()} promises), its audience as a list, and the header facts the
 * signature was verified with.
 */
class VerifiedTokenClaimsTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    private VerifiedToken accepted(String token) {
        Verdict v = Fixture.validator(policy).validate(token);
        assertThat(v).isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) v).token();
    }

    @Test
    void jsonNullsAreLeftOutAtEveryDepth() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("gone", null);
        nested.put("kept", 1);
        Map<String, Object> inList = new LinkedHashMap<>();
        inList.put("gone", null);
        VerifiedToken t = accepted(f.token()
                .claim("top", null)
                .claim("nested", nested)
                .claim("list", Arrays.asList(1, null, inList))
                .signedWith(Fixture.RSA));

        assertThat(t.claims()).doesNotContainKey("top");
        assertThat(t.claims()).containsEntry("nested", Map.of("kept", 1L));
        assertThat(t.claims()).containsEntry("list", List.of(1L, Map.of()));
        assertThat(t.claims()).containsEntry("sub", "alice");
    }

    @Test
    void claimsWithoutNullsAreReportedWhole() {
        VerifiedToken t = accepted(f.token()
                .claim("nested", Map.of("kept", "yes"))
                .claim("list", List.of("a", "b"))
                .signedWith(Fixture.RSA));

        assertThat(t.claims()).containsEntry("nested", Map.of("kept", "yes"));
        assertThat(t.claims()).containsEntry("list", List.of("a", "b"));
    }

    @Test
    void audienceIsAListWhetherTheClaimIsAStringOrAnArray() {
        assertThat(accepted(f.token().signedWith(Fixture.RSA)).audience()).containsExactly(Fixture.AUD);
        assertThat(accepted(f.token().audienceList(Fixture.AUD, "api://other").signedWith(Fixture.RSA))
                        .audience())
                .containsExactly(Fixture.AUD, "api://other");
    }

    @Test
    void reportsTheHeaderAndIssuerFactsItWasVerifiedWith() {
        Instant exp = f.now().plusSeconds(300);
        String token = f.token().typ("at+jwt").expiresAt(exp).signedWith(Fixture.RSA, "PS256");
        VerifiedToken t = accepted(token);

        assertThat(t.algorithm()).isEqualTo("PS256");
        assertThat(t.type()).contains("at+jwt");
        assertThat(t.kid()).contains(Fixture.RSA.kid());
        assertThat(t.issuer()).isEqualTo(Fixture.ISS);
        assertThat(t.issuerName()).isEqualTo("contoso");
        assertThat(t.keyScope()).isEqualTo(Fixture.SCOPE);
        assertThat(t.keyScopes()).containsExactly(Fixture.SCOPE);
        assertThat(t.tenant()).isEmpty();
        assertThat(t.expiresAt()).isEqualTo(exp);
    }
}
