package dev.keyfence.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens minted by the test identity provider, validated by a real Keyfence validator over HTTP. */
class TestIdentityProviderTest {
    private final MutableClock clock = MutableClock.at("2026-06-01T12:00:00Z");
    private final TestIdentityProvider idp = TestIdentityProvider.start(clock);
    private final TokenValidator validator =
            TokenValidator.create(KeyfenceConfig.parse(idp.yaml("api://test"), Path.of(".")).policy().toBuilder()
                    .clock(clock)
                    .build());

    @AfterEach
    void stop() {
        idp.close();
    }

    @Test
    void acceptsAnEnterpriseTokenForAnyTenantWithItsScopes() {
        String token =
                idp.token().tenant("tid-z").scope("Mail.Read", "Mail.Send").mint();
        Verdict verdict = validator.validate(token);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        Verdict.Accepted ok = (Verdict.Accepted) verdict;
        assertThat(ok.token().tenant()).contains("tid-z");
        assertThat(ok.token().keyScope()).isEqualTo("enterprise");
        assertThat(dev.keyfence.testkit.Tokens.decodePart(token, 1)).contains("\"scp\":\"Mail.Read Mail.Send\"");
    }

    @Test
    void aConsumerKeySigningForAnEnterpriseTenantIsKeyScopeNotAccepted() {
        assertThat(reason(idp.token().signedWith(SigningKey.CONSUMER).mint())).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
    }

    @Test
    void aConsumerTokenIsRefusedByAnEnterpriseResource() {
        assertThat(reason(idp.token().consumer().mint())).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
    }

    @Test
    void anExpiredKeyIsKeyExpired() {
        assertThat(reason(idp.token().signedWith(SigningKey.EXPIRED).mint())).isEqualTo(Reason.KEY_EXPIRED);
    }

    @Test
    void anUnpublishedKeyIsKeyNotFound() {
        assertThat(reason(idp.token().signedWith(SigningKey.UNPUBLISHED).mint()))
                .isEqualTo(Reason.KEY_NOT_FOUND);
    }

    @Test
    void aRetiredKeyIsAcceptedBeforeAndKeyRetiredOnceKeyfenceReadTheSetWithoutIt() {
        assertThat(validator
                        .validate(idp.token().signedWith(SigningKey.RETIRED).mint())
                        .valid())
                .isTrue();
        idp.retire();
        clock.advance(Duration.ofMinutes(1));
        // an unknown kid makes Keyfence refetch the set (past the minimum refetch interval)
        assertThat(reason(idp.token().signedWith(SigningKey.UNPUBLISHED).mint()))
                .isEqualTo(Reason.KEY_NOT_FOUND);
        assertThat(reason(idp.token().signedWith(SigningKey.RETIRED).mint())).isEqualTo(Reason.KEY_RETIRED);
    }

    @Test
    void wrongAudienceAndExpiredTokenAreRefusedForTheirOwnReasons() {
        assertThat(reason(idp.token().audience("api://other").mint())).isEqualTo(Reason.AUDIENCE_NOT_ACCEPTED);
        assertThat(reason(idp.token()
                        .issuedAt(clock.instant().minus(Duration.ofHours(2)))
                        .mint()))
                .isEqualTo(Reason.TOKEN_EXPIRED);
    }

    @Test
    void propertiesNameTheSameSourcesAsTheYaml() {
        assertThat(idp.properties())
                .containsEntry(
                        "keyfence.issuers[0].jwks-uri", idp.enterpriseKeys().toString())
                .containsEntry("keyfence.issuers[1].issuer", idp.consumerIssuer())
                .containsEntry("keyfence.jwks.allow-http-loopback", "true");
        assertThat(idp.yaml("api://test")).contains(idp.enterpriseKeys().toString(), idp.consumerIssuer());
    }

    private Reason reason(String token) {
        Verdict verdict = validator.validate(token);
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).reason();
    }
}
