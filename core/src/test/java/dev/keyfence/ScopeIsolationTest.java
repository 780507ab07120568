package dev.keyfence;

import static dev.keyfence.TenantBindingTest.consumerToken;
import static dev.keyfence.TenantBindingTest.enterpriseToken;
import static dev.keyfence.TenantScopeSetup.AUDIENCE;
import static dev.keyfence.TenantScopeSetup.CONSUMER_KEY;
import static dev.keyfence.TenantScopeSetup.ENTERPRISE_KEY;
import static dev.keyfence.TenantScopeSetup.SHARED_KEY;
import static dev.keyfence.TenantScopeSetup.TENANT_A;
import static dev.keyfence.TenantScopeSetup.TENANT_B;
import static dev.keyfence.TenantScopeSetup.TENANT_C;
import static dev.keyfence.TenantScopeSetup.iss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.TenantScopeSetup.FrontDoor;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each issue-4 control alone (every other control off) catches its own case of the 2023 matrix. */
class ScopeIsolationTest {
    @TempDir
    Path dir;

    private TokenValidator only(TenantScopeSetup setup, FrontDoor door, Control control) {
        return TokenValidator.create(setup.policy(door, MutableClock.at(TenantBindingTest.NOW)).toBuilder()
                .controls(java.util.Set.of(control))
                .build());
    }

    private static void assertReason(Verdict v, Reason reason) {
        assertThat(v)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(reason));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void tenantControlAloneCatchesIssMismatchAllowlistAndMissingTid(FrontDoor door) {
        TokenValidator e = only(new TenantScopeSetup(dir), door, Control.TENANT);

        assertThat(e.validate(enterpriseToken(TENANT_A).signedWith(ENTERPRISE_KEY))
                        .valid())
                .isTrue();
        assertReason(
                e.validate(Tokens.accessToken(iss(TENANT_B), AUDIENCE, TenantBindingTest.NOW)
                        .tenant(TENANT_A)
                        .signedWith(ENTERPRISE_KEY)),
                Reason.TENANT_NOT_ALLOWED);
        assertReason(e.validate(enterpriseToken(TENANT_C).signedWith(ENTERPRISE_KEY)), Reason.TENANT_NOT_ALLOWED);
        assertReason(
                e.validate(enterpriseToken(TENANT_A).withoutClaim("tid").signedWith(ENTERPRISE_KEY)),
                Reason.TENANT_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyIssuerBindingAloneCatchesConsumerKeyOnEnterpriseToken(FrontDoor door) {
        TokenValidator e = only(new TenantScopeSetup(dir), door, Control.KEY_ISSUER_BINDING);

        assertThat(e.validate(enterpriseToken(TENANT_A).signedWith(ENTERPRISE_KEY))
                        .valid())
                .isTrue();
        assertReason(e.validate(enterpriseToken(TENANT_A).signedWith(CONSUMER_KEY)), Reason.KEY_ISSUER_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyIssuerBindingAloneFailsClosedWhenRequiredMemberIsMissing(FrontDoor door) {
        TokenValidator e = only(
                new TenantScopeSetup(dir).withoutIssuerMembers().requireKeyIssuer(), door, Control.KEY_ISSUER_BINDING);

        assertReason(e.validate(enterpriseToken(TENANT_A).signedWith(CONSUMER_KEY)), Reason.KEY_ISSUER_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyScopeAloneCatchesConsumerKeyWithoutIssuerMembers(FrontDoor door) {
        TokenValidator e = only(new TenantScopeSetup(dir).withoutIssuerMembers(), door, Control.KEY_SCOPE);

        assertThat(e.validate(enterpriseToken(TENANT_A).signedWith(ENTERPRISE_KEY))
                        .valid())
                .isTrue();
        assertReason(e.validate(enterpriseToken(TENANT_A).signedWith(CONSUMER_KEY)), Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertReason(e.validate(consumerToken().signedWith(CONSUMER_KEY)), Reason.KEY_SCOPE_NOT_ACCEPTED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyScopeAloneCatchesKeySharedByBothScopes(FrontDoor door) {
        TokenValidator e = only(new TenantScopeSetup(dir).withSharedKey(), door, Control.KEY_SCOPE);

        assertReason(e.validate(enterpriseToken(TENANT_A).signedWith(SHARED_KEY)), Reason.KEY_SCOPE_NOT_ACCEPTED);
    }
}
